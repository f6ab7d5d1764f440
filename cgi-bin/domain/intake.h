/* intake.h: what an application still lacks before it may be submitted. */
#ifndef STARCERT_INTAKE_H
#define STARCERT_INTAKE_H

#include <stdbool.h>
#include <stddef.h>

enum intake_gap {
	GAP_SCOPE,		/* the products and services applied for */
	GAP_SALES,		/* how goods are sold */
	GAP_DELIVERY,		/* how after-sales service is delivered */
	GAP_FUNDING,		/* funding and facilities */
	GAP_CATEGORY,		/* at least one product category */
	GAP_OUTLETS,		/* at least one service outlet */
	GAP_MATERIAL,		/* a required material without a file */
	GAP__MAX
};

struct intake_material {
	bool	required;	/* "required" items; optional and conditional ones are not enforced */
	int	files;		/* versions uploaded */
};

struct intake_facts {
	bool				 scope, sales, delivery, funding;
	int				 categories;
	int				 outlets;
	const struct intake_material	*materials;
	size_t				 nmaterials;
};

struct intake_problem {
	enum intake_gap	 gap;
	size_t		 material;	/* index into materials for GAP_MATERIAL */
};

/*
 * intake_problems: list what f lacks, in the order of the form, into out
 * (at most max).  Returns how many problems there are (possibly more than
 * max); 0 means the application may be submitted.
 */
size_t	intake_problems(const struct intake_facts *f, struct intake_problem *out, size_t max);

#endif
