/* workflow.h: an application's states and the transitions allowed between them, with who may make each. */
#ifndef STARCERT_WORKFLOW_H
#define STARCERT_WORKFLOW_H

#include <stdbool.h>

enum app_state {
	APP_DRAFT = 0,		/* the applicant prepares it */
	APP_SUBMITTED,		/* waiting for document review */
	APP_IN_REVIEW,		/* a reviewer holds it */
	APP_SUPPLEMENT_NEEDED,	/* back with the applicant for supplements */
	APP_RESUBMITTED,	/* supplemented, waiting for review again */
	APP_ACCEPTED,		/* 受理: on to audit planning */
	APP_DECLINED,		/* refused, with a reason */
	APP_STATE__MAX
};

enum app_action {
	APP_SUBMIT = 0,		/* draft -> submitted, by the applicant */
	APP_TAKE,		/* submitted or resubmitted -> in review, by a reviewer */
	APP_REQUEST_SUPPLEMENT,	/* in review -> supplement needed, by the reviewer */
	APP_RESUBMIT,		/* supplement needed -> resubmitted, by the applicant */
	APP_ACCEPT,		/* in review -> accepted, by the reviewer */
	APP_DECLINE,		/* in review -> declined, by the reviewer */
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

/* app_in_queue: does an application in this state wait in the reviewers' queue? */
bool		 app_in_queue(enum app_state);

/* app_applicant_may_edit: may the applicant change fields, outlets and files in this state? */
bool		 app_applicant_may_edit(enum app_state);

/* app_applicant_may_supplement: may the applicant add versions of flagged items and answer them? */
bool		 app_applicant_may_supplement(enum app_state);

#endif
