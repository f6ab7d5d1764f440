/* audit.h: the on-site audit's rules: who may join the team, the audit's and nonconformities' states. */
#ifndef STARCERT_AUDIT_H
#define STARCERT_AUDIT_H

#include <stdbool.h>
#include <stddef.h>

/* What the planner knows about one candidate auditor for one audit. */
struct auditor_check {
	bool	auditor;		/* holds the auditor role and is enabled */
	bool	has_profile;		/* registered: a registration number and a validity date */
	bool	valid_through_end;	/* the qualification is valid on every audit date */
	bool	covers_categories;	/* qualified for every product category of the application */
	bool	conflict;		/* a declared conflict with the organization within the last two years */
};

enum auditor_refusal {
	AUDITOR_OK = 0,
	AUDITOR_NOT_AUDITOR,
	AUDITOR_NO_PROFILE,
	AUDITOR_QUALIFICATION_LAPSED,
	AUDITOR_CATEGORIES,
	AUDITOR_CONFLICT,
	AUDITOR_REFUSAL__MAX
};

/* auditor_refusal: the first rule the auditor fails, in the order above (AUDITOR_OK if none). */
enum auditor_refusal	auditor_refusal(const struct auditor_check *);
/* auditor_refusal_name: a stable name for messages and logs ("conflict"). */
const char		*auditor_refusal_name(enum auditor_refusal);

/* The years before the audit in which a declared conflict disqualifies. */
#define CONFLICT_YEARS	2

enum audit_state {
	AUDIT_PLANNED = 0,	/* waiting for the applicant to confirm the plan */
	AUDIT_CONFIRMED,	/* the team audits and scores */
	AUDIT_REPORTED,		/* the leader submitted the report: the sheet is locked */
	AUDIT_EVALUATED,	/* an evaluator recommended */
	AUDIT_DECIDED,		/* a supervisor approved or refused */
	AUDIT_STATE__MAX
};

const char	*audit_state_name(enum audit_state);
int		 audit_state_parse(const char *);	/* -1 when unknown */
/* audit_sheet_editable: may the team change the score sheet in this state? */
bool		 audit_sheet_editable(enum audit_state);

enum nc_state {
	NC_OPEN = 0,		/* raised; the applicant answers */
	NC_ANSWERED,		/* the team verifies */
	NC_RETURNED,		/* the answer was not enough; the applicant answers again */
	NC_CLOSED,
	NC_STATE__MAX
};

const char	*nc_state_name(enum nc_state);
int		 nc_state_parse(const char *);
/* nc_applicant_may_answer / nc_team_may_verify: the two sides' turns. */
bool		 nc_applicant_may_answer(enum nc_state);
bool		 nc_team_may_verify(enum nc_state);

/* What stops the leader from submitting the report. */
struct report_facts {
	size_t	unscored;		/* indicators with nothing recorded */
	size_t	serious_open;		/* serious nonconformities not closed */
	bool	serious_blocks;		/* the setting: a serious open one blocks the report */
	bool	nothing_applicable;	/* every indicator excluded */
};

enum report_blocker {
	REPORT_UNSCORED = 1 << 0,
	REPORT_SERIOUS_OPEN = 1 << 1,
	REPORT_NOTHING_APPLICABLE = 1 << 2,
};

/* report_blockers: a mask of enum report_blocker; 0 when the report may be submitted. */
unsigned	report_blockers(const struct report_facts *);

/*
 * points_tenths_parse: points as typed ("4", "4.5", "4,5", "0.0") into
 * tenths; -1 for anything else, negatives, or more than 100 points.
 */
int		points_tenths_parse(const char *);

#endif
