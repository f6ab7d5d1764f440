/* workflow.c: the transition table of an application. */
#include <stddef.h>
#include <string.h>

#include "roles.h"
#include "workflow.h"

static const char *const state_names[APP_STATE__MAX] = {
	[APP_DRAFT] = "draft",
	[APP_SUBMITTED] = "submitted",
};

static const char *const action_names[APP_ACTION__MAX] = {
	[APP_SUBMIT] = "application.submitted",
};

static const struct app_transition transitions[] = {
	{ APP_SUBMIT, APP_DRAFT, APP_SUBMITTED, ROLE_APPLICANT },
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
app_applicant_may_edit(enum app_state s)
{
	return s == APP_DRAFT;
}
