/* workflow.h: an application's states and the transitions allowed between them, with who may make each. */
#ifndef STARCERT_WORKFLOW_H
#define STARCERT_WORKFLOW_H

#include <stdbool.h>

enum app_state {
	APP_DRAFT = 0,		/* the applicant prepares it */
	APP_SUBMITTED,		/* waiting for document review */
	APP_STATE__MAX
};

enum app_action {
	APP_SUBMIT = 0,		/* draft -> submitted, by the applicant */
	APP_ACTION__MAX
};

struct app_transition {
	enum app_action	 action;
	enum app_state	 from, to;
	unsigned	 roles;		/* ROLE_* allowed to act */
};

/* app_transition: the transition for action from state from, or NULL when not allowed. */
const struct app_transition *app_transition(enum app_action, enum app_state from);

/* app_state_name / app_state_parse: the stable names stored in the database ("draft"). */
const char	*app_state_name(enum app_state);
int		 app_state_parse(const char *);	/* -1 when unknown */
const char	*app_action_name(enum app_action);

/* app_applicant_may_edit: may the applicant change fields, outlets and files in this state? */
bool		 app_applicant_may_edit(enum app_state);

#endif
