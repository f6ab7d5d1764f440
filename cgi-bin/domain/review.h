/* review.h: document review: verdicts on materials, the eligibility criteria, and when an outcome may be chosen. */
#ifndef STARCERT_REVIEW_H
#define STARCERT_REVIEW_H

#include <stdbool.h>
#include <stddef.h>

enum verdict {
	VERDICT_NONE = 0,	/* not judged yet */
	VERDICT_ACCEPTED,
	VERDICT_SUPPLEMENT,	/* supplement needed: the comment says what is wrong */
	VERDICT_NOT_APPLICABLE,	/* the comment says why */
	VERDICT__MAX
};

/* verdict_name / verdict_parse: the stored names ("accepted"); "" is VERDICT_NONE; -1 when unknown. */
const char	*verdict_name(enum verdict);
int		 verdict_parse(const char *);
/* verdict_needs_comment: must the reviewer say why? */
bool		 verdict_needs_comment(enum verdict);

/* DOMAIN.md's eligibility criteria, in the order the checklist shows them. */
enum criterion {
	CRITERION_LEGAL_ENTITY = 0,	/* registered in the PRC, independent legal personality */
	CRITERION_WRITTEN_RULES,	/* written after-sales rules */
	CRITERION_RESPONSIBLE_PEOPLE,	/* people responsible for after-sales service */
	CRITERION_FUNDING,		/* dedicated funding */
	CRITERION_NO_MAJOR_FAILURE,	/* no major service failure */
	CRITERION_TRAINED_STAFF,	/* trained after-sales managers and staff */
	CRITERION__MAX
};

const char	*criterion_name(enum criterion);

/* One material of the checklist as the review sees it. */
struct review_item {
	bool		required;	/* requirement "required" */
	enum verdict	verdict;
};

enum review_blocker_kind {
	BLOCKER_REQUIRED_OPEN,		/* a required item neither accepted nor not applicable */
	BLOCKER_SUPPLEMENT_OPEN,	/* an item still flagged for a supplement */
	BLOCKER_CRITERION,		/* an eligibility criterion not ticked */
	BLOCKER__MAX
};

struct review_blocker {
	enum review_blocker_kind kind;
	size_t			 index;	/* into the items, or the criterion */
};

/*
 * review_accept_blockers: why the application cannot be accepted yet:
 * every required item must be accepted or not applicable, no item may
 * still be flagged for a supplement, and every criterion must be met.
 * Writes at most max blockers, items first in their order, then criteria;
 * returns how many there are in all (0: it may be accepted).
 */
size_t	review_accept_blockers(const struct review_item *, size_t n,
	    const bool met[CRITERION__MAX], struct review_blocker *out, size_t max);

/* review_flagged: how many items are flagged for a supplement (a request needs at least one). */
size_t	review_flagged(const struct review_item *, size_t n);

#endif
