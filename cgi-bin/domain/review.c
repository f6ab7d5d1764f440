/* review.c: verdict names, the eligibility criteria and the rules for the review's outcomes. */
#include <string.h>

#include "review.h"

static const char *const verdict_names[VERDICT__MAX] = {
	[VERDICT_NONE] = "",
	[VERDICT_ACCEPTED] = "accepted",
	[VERDICT_SUPPLEMENT] = "supplement",
	[VERDICT_NOT_APPLICABLE] = "not_applicable",
};

static const char *const criterion_names[CRITERION__MAX] = {
	[CRITERION_LEGAL_ENTITY] = "legal_entity",
	[CRITERION_WRITTEN_RULES] = "written_rules",
	[CRITERION_RESPONSIBLE_PEOPLE] = "responsible_people",
	[CRITERION_FUNDING] = "funding",
	[CRITERION_NO_MAJOR_FAILURE] = "no_major_failure",
	[CRITERION_TRAINED_STAFF] = "trained_staff",
};

const char *
verdict_name(enum verdict v)
{
	return (unsigned)v < VERDICT__MAX ? verdict_names[v] : "";
}

int
verdict_parse(const char *s)
{
	if (s == NULL)
		return VERDICT_NONE;
	for (int i = 0; i < VERDICT__MAX; i++)
		if (strcmp(s, verdict_names[i]) == 0)
			return i;
	return -1;
}

bool
verdict_needs_comment(enum verdict v)
{
	return v == VERDICT_SUPPLEMENT || v == VERDICT_NOT_APPLICABLE;
}

const char *
criterion_name(enum criterion c)
{
	return (unsigned)c < CRITERION__MAX ? criterion_names[c] : "";
}

size_t
review_accept_blockers(const struct review_item *items, size_t n,
    const bool met[CRITERION__MAX], struct review_blocker *out, size_t max)
{
	size_t count = 0;

	for (size_t i = 0; i < n; i++) {
		enum review_blocker_kind kind;

		if (items[i].verdict == VERDICT_SUPPLEMENT)
			kind = BLOCKER_SUPPLEMENT_OPEN;
		else if (items[i].required && items[i].verdict != VERDICT_ACCEPTED &&
		    items[i].verdict != VERDICT_NOT_APPLICABLE)
			kind = BLOCKER_REQUIRED_OPEN;
		else
			continue;
		if (count < max)
			out[count] = (struct review_blocker){ kind, i };
		count++;
	}
	for (size_t c = 0; c < CRITERION__MAX; c++) {
		if (met[c])
			continue;
		if (count < max)
			out[count] = (struct review_blocker){ BLOCKER_CRITERION, c };
		count++;
	}
	return count;
}

size_t
review_flagged(const struct review_item *items, size_t n)
{
	size_t flagged = 0;

	for (size_t i = 0; i < n; i++)
		if (items[i].verdict == VERDICT_SUPPLEMENT)
			flagged++;
	return flagged;
}
