/* intake.c: the completeness check behind "submit". */
#include "intake.h"

static void
add(struct intake_problem *out, size_t max, size_t *n, enum intake_gap gap, size_t m)
{
	if (*n < max) {
		out[*n].gap = gap;
		out[*n].material = m;
	}
	(*n)++;
}

size_t
intake_problems(const struct intake_facts *f, struct intake_problem *out, size_t max)
{
	size_t n = 0;

	if (!f->scope)
		add(out, max, &n, GAP_SCOPE, 0);
	if (!f->sales)
		add(out, max, &n, GAP_SALES, 0);
	if (!f->delivery)
		add(out, max, &n, GAP_DELIVERY, 0);
	if (!f->funding)
		add(out, max, &n, GAP_FUNDING, 0);
	if (f->categories < 1)
		add(out, max, &n, GAP_CATEGORY, 0);
	if (f->outlets < 1)
		add(out, max, &n, GAP_OUTLETS, 0);
	for (size_t i = 0; i < f->nmaterials; i++)
		if (f->materials[i].required && f->materials[i].files < 1)
			add(out, max, &n, GAP_MATERIAL, i);
	return n;
}
