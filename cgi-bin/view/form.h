/* form.h: read a form's fields into a page, with a message beside each field that is wrong. */
#ifndef STARCERT_FORM_H
#define STARCERT_FORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../http/request.h"
#include "tmpl.h"

struct form {
	struct req		*r;
	struct tmpl_dict	*d;	/* the page; NULL until the page is started */
	int			 errors;
};

/*
 * form_text: the trimmed text field `field` (at most maxchars characters),
 * shown again in the page as variable VAR.  On a problem the message
 * (field.required, field.too_long, field.duplicate) is shown beside it
 * (section VAR_ERROR with MESSAGE), errors counts it and NULL is returned.
 */
const char	*form_text(struct form *, const char *field, const char *var,
		    bool required, size_t maxchars);

/* form_error: show message key beside VAR and count an error. */
void		 form_error(struct form *, const char *var, const char *message_key);

/* form_value: show value as VAR (for values that did not come from the form). */
void		 form_value(struct form *, const char *var, const char *value);

/* form_summary: when there were errors, show section FORM_ERRORS with their count. */
void		 form_summary(struct form *);

#endif
