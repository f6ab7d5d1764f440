/* form.c: typed form fields and their messages. */
#include <stdio.h>
#include <string.h>

#include "form.h"
#include "view.h"

void
form_error(struct form *f, const char *var, const char *message_key)
{
	char			 section[96];
	struct tmpl_dict	*e;

	f->errors++;
	if (f->d == NULL)
		return;
	snprintf(section, sizeof(section), "%s_ERROR", var);
	if ((e = tmpl_section(f->d, section)) != NULL)
		tmpl_set(e, "MESSAGE", view_text(f->r, message_key));
}

void
form_value(struct form *f, const char *var, const char *value)
{
	if (f->d != NULL)
		tmpl_set(f->d, var, value);
}

const char *
form_text(struct form *f, const char *field, const char *var, bool required,
    size_t maxchars)
{
	const char	*v = "";
	enum field_error e = req_text(f->r, field, required, maxchars, &v);
	bool		 dup;
	const char	*raw;

	if (e == FIELD_OK) {
		form_value(f, var, v);
		return v;
	}
	/* Show back what was typed, even when it is wrong. */
	raw = req_param(f->r, field, &dup);
	form_value(f, var, raw != NULL ? raw : "");
	form_error(f, var, e == FIELD_TOO_LONG ? "field.too_long" :
	    e == FIELD_DUPLICATE ? "field.duplicate" : "field.required");
	return NULL;
}

void
form_summary(struct form *f)
{
	struct tmpl_dict *s;

	if (f->errors == 0 || f->d == NULL)
		return;
	if ((s = tmpl_section(f->d, "FORM_ERRORS")) != NULL)
		tmpl_set_int(s, "COUNT", f->errors);
}
