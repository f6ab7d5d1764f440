/* workflow.c: the transition table of an application. */
#include <stddef.h>
#include <string.h>

#include "roles.h"
#include "workflow.h"

static const char *const state_names[APP_STATE__MAX] = {
	[APP_DRAFT] = "draft",
	[APP_SUBMITTED] = "submitted",
	[APP_IN_REVIEW] = "in_review",
	[APP_SUPPLEMENT_NEEDED] = "supplement_needed",
	[APP_RESUBMITTED] = "resubmitted",
	[APP_ACCEPTED] = "accepted",
	[APP_DECLINED] = "declined",
};

static const char *const action_names[APP_ACTION__MAX] = {
	[APP_SUBMIT] = "application.submitted",
	[APP_TAKE] = "application.taken",
	[APP_REQUEST_SUPPLEMENT] = "application.supplement_requested",
	[APP_RESUBMIT] = "application.resubmitted",
	[APP_ACCEPT] = "application.accepted",
	[APP_DECLINE] = "application.declined",
};

/* Every move an application may make, and who may make it. */
static const struct app_transition transitions[] = {
	{ APP_SUBMIT, APP_DRAFT, APP_SUBMITTED, ROLE_APPLICANT },
	{ APP_TAKE, APP_SUBMITTED, APP_IN_REVIEW, ROLE_REVIEWER },
	{ APP_TAKE, APP_RESUBMITTED, APP_IN_REVIEW, ROLE_REVIEWER },
	{ APP_REQUEST_SUPPLEMENT, APP_IN_REVIEW, APP_SUPPLEMENT_NEEDED, ROLE_REVIEWER },
	{ APP_RESUBMIT, APP_SUPPLEMENT_NEEDED, APP_RESUBMITTED, ROLE_APPLICANT },
	{ APP_ACCEPT, APP_IN_REVIEW, APP_ACCEPTED, ROLE_REVIEWER },
	{ APP_DECLINE, APP_IN_REVIEW, APP_DECLINED, ROLE_REVIEWER },
};

const struct app_transition *
app_transition(enum app_action a, enum app_state from)
{
	for (size_t i = 0; i < sizeof(transitions) / sizeof(transitions[0]); i++)
		if (transitions[i].action == a && transitions[i].from == from)
			return &transitions[i];
	return NULL;
}

const char *
app_state_name(enum app_state s)
{
	return (unsigned)s < APP_STATE__MAX ? state_names[s] : "unknown";
}

int
app_state_parse(const char *s)
{
	for (int i = 0; i < APP_STATE__MAX; i++)
		if (s != NULL && strcmp(s, state_names[i]) == 0)
			return i;
	return -1;
}

const char *
app_action_name(enum app_action a)
{
	return (unsigned)a < APP_ACTION__MAX ? action_names[a] : "unknown";
}

bool
app_in_queue(enum app_state s)
{
	return s == APP_SUBMITTED || s == APP_RESUBMITTED || s == APP_IN_REVIEW;
}

bool
app_applicant_may_edit(enum app_state s)
{
	return s == APP_DRAFT;
}

bool
app_applicant_may_supplement(enum app_state s)
{
	return s == APP_SUPPLEMENT_NEEDED;
}
