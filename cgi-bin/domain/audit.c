/* audit.c: team eligibility, audit and nonconformity states, what blocks a report. */
#include <string.h>

#include "audit.h"

static const char *const refusal_names[AUDITOR_REFUSAL__MAX] = {
	[AUDITOR_OK] = "ok",
	[AUDITOR_NOT_AUDITOR] = "not_auditor",
	[AUDITOR_NO_PROFILE] = "no_profile",
	[AUDITOR_QUALIFICATION_LAPSED] = "qualification_lapsed",
	[AUDITOR_CATEGORIES] = "categories",
	[AUDITOR_CONFLICT] = "conflict",
};

static const char *const audit_state_names[AUDIT_STATE__MAX] = {
	[AUDIT_PLANNED] = "planned",
	[AUDIT_CONFIRMED] = "confirmed",
	[AUDIT_REPORTED] = "reported",
	[AUDIT_EVALUATED] = "evaluated",
	[AUDIT_DECIDED] = "decided",
};

static const char *const nc_state_names[NC_STATE__MAX] = {
	[NC_OPEN] = "open",
	[NC_ANSWERED] = "answered",
	[NC_RETURNED] = "returned",
	[NC_CLOSED] = "closed",
};

enum auditor_refusal
auditor_refusal(const struct auditor_check *c)
{
	if (!c->auditor)
		return AUDITOR_NOT_AUDITOR;
	if (!c->has_profile)
		return AUDITOR_NO_PROFILE;
	if (!c->valid_through_end)
		return AUDITOR_QUALIFICATION_LAPSED;
	if (!c->covers_categories)
		return AUDITOR_CATEGORIES;
	if (c->conflict)
		return AUDITOR_CONFLICT;
	return AUDITOR_OK;
}

const char *
auditor_refusal_name(enum auditor_refusal r)
{
	return (unsigned)r < AUDITOR_REFUSAL__MAX ? refusal_names[r] : "unknown";
}

static int
name_parse(const char *const *names, int n, const char *s)
{
	for (int i = 0; s != NULL && i < n; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

const char *
audit_state_name(enum audit_state s)
{
	return (unsigned)s < AUDIT_STATE__MAX ? audit_state_names[s] : "unknown";
}

int
audit_state_parse(const char *s)
{
	return name_parse(audit_state_names, AUDIT_STATE__MAX, s);
}

bool
audit_sheet_editable(enum audit_state s)
{
	return s == AUDIT_CONFIRMED;
}

const char *
nc_state_name(enum nc_state s)
{
	return (unsigned)s < NC_STATE__MAX ? nc_state_names[s] : "unknown";
}

int
nc_state_parse(const char *s)
{
	return name_parse(nc_state_names, NC_STATE__MAX, s);
}

bool
nc_applicant_may_answer(enum nc_state s)
{
	return s == NC_OPEN || s == NC_RETURNED;
}

bool
nc_team_may_verify(enum nc_state s)
{
	return s == NC_ANSWERED;
}

unsigned
report_blockers(const struct report_facts *f)
{
	unsigned mask = 0;

	if (f->unscored > 0)
		mask |= REPORT_UNSCORED;
	if (f->serious_blocks && f->serious_open > 0)
		mask |= REPORT_SERIOUS_OPEN;
	if (f->nothing_applicable)
		mask |= REPORT_NOTHING_APPLICABLE;
	return mask;
}

int
points_tenths_parse(const char *s)
{
	int	whole = 0, digits = 0, tenth = 0;

	if (s == NULL)
		return -1;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (++digits > 3)
			return -1;
		whole = whole * 10 + (*s - '0');
	}
	if (digits == 0)
		return -1;
	if (*s == '.' || *s == ',') {
		s++;
		if (*s < '0' || *s > '9')
			return -1;
		tenth = *s++ - '0';
	}
	if (*s != '\0' || whole * 10 + tenth > 1000)
		return -1;
	return whole * 10 + tenth;
}
