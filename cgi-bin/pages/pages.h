/* pages.h: every page handler and the route table that names who may reach it. */
#ifndef STARCERT_PAGES_H
#define STARCERT_PAGES_H

#include <stdbool.h>
#include <stddef.h>

#include "../http/request.h"
#include "../http/router.h"

extern const struct route	routes[];
extern const size_t		routes_count;

/* routes_check: every pattern well-formed and no two rows alike; 0 or -1 with a message. */
int	routes_check(void);

/* route_open_before_password_change: may a user who must change the password reach r? */
bool	route_open_before_password_change(const struct route *r);

/* home.c */
int	page_home(struct req *);
/* health.c */
int	page_healthz(struct req *);
/* lang.c */
int	page_lang_switch(struct req *);
/* auth.c: signing in and out */
int	page_login(struct req *);
int	page_login_post(struct req *);
int	page_logout_post(struct req *);
/* register.c: an enterprise and its first user */
int	page_register(struct req *);
int	page_register_post(struct req *);
struct form;
/* form_new_password: fields password and password_confirm, checked; NULL on a problem. */
const char *form_new_password(struct form *);
/* form_email: a required e-mail field, validated and lower-cased; NULL on a problem. */
const char *form_email(struct form *, const char *field, const char *var);
/* account.c: one's own account */
struct tmpl_dict;
/* view_roles: a ROLES section per role in the mask, with its translated name as ROLE. */
void	view_roles(struct req *, struct tmpl_dict *, unsigned roles);
int	page_account(struct req *);
int	page_account_settings_post(struct req *);
int	page_password(struct req *);
int	page_password_post(struct req *);
/* organization.c: an applicant's organization, colleagues and invitations */
int	page_organization(struct req *);
int	page_invitation_create_post(struct req *);
int	page_invitation(struct req *);
int	page_invitation_post(struct req *);
/* admin.c: users, settings and the event log */
int	page_admin_users(struct req *);
int	page_admin_user_new(struct req *);
int	page_admin_user_new_post(struct req *);
int	page_admin_user(struct req *);
int	page_admin_user_roles_post(struct req *);
int	page_admin_user_disable_post(struct req *);
int	page_admin_user_enable_post(struct req *);
int	page_admin_user_password_post(struct req *);
int	page_admin_user_auditor_post(struct req *);
int	page_admin_settings(struct req *);
int	page_admin_settings_post(struct req *);
int	page_admin_events(struct req *);

#endif
