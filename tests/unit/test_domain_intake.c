/* test_domain_intake.c: audit sampling and man-days, the submit completeness check, the application workflow table and the CSV reader. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "../../cgi-bin/domain/csv.h"
#include "../../cgi-bin/domain/intake.h"
#include "../../cgi-bin/domain/mandays.h"
#include "../../cgi-bin/domain/roles.h"
#include "../../cgi-bin/domain/workflow.h"
#include "suites.h"

/* ---- mandays ---- */

/* The defaults of db/settings.c. */
static const struct mandays_rules default_rules = {
	.sample_permille = { [AUDIT_INITIAL] = 1000, [AUDIT_SURVEILLANCE] = 600,
	    [AUDIT_RECERTIFICATION] = 800 },
	.base_halfdays = 2,
	.per_outlet_halfdays = 1,
	.per_extra_category_halfdays = 1,
};

/* The edges: 0, 1, 2, 100 and 1000 fixed outlets, for each audit type. */
START_TEST(test_sample_edges)
{
	static const struct {
		int	n;
		int	want[AUDIT_TYPE__MAX];	/* initial, surveillance, recertification */
	} cases[] = {
		{ 0, { 0, 0, 0 } },
		{ 1, { 1, 1, 1 } },
		{ 2, { 2, 1, 2 } },		/* √2 = 1.41: 2, 0.85, 1.13 */
		{ 100, { 10, 6, 8 } },
		{ 1000, { 32, 19, 26 } },	/* √1000 = 31.62: 31.62, 18.97, 25.30 */
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		for (int t = 0; t < AUDIT_TYPE__MAX; t++) {
			struct mandays_estimate e = { -7, -7 };

			ck_assert_int_eq(mandays_sample(default_rules.sample_permille[t],
			    cases[i].n), cases[i].want[t]);
			ck_assert_int_eq(mandays_estimate(&default_rules,
			    (enum audit_type)t, cases[i].n, 1, &e), 0);
			ck_assert_msg(e.sample_outlets == cases[i].want[t],
			    "type %d, %d outlets: %d visited, want %d", t,
			    cases[i].n, e.sample_outlets, cases[i].want[t]);
			/* One category: base + one half-day per outlet visited. */
			ck_assert_int_eq(e.halfdays, 2 + cases[i].want[t]);
		}
}
END_TEST

START_TEST(test_sample_bounds)
{
	ck_assert_int_eq(mandays_sample(5000, 3), 3);	/* 5·√3 = 8.66, only 3 */
	ck_assert_int_eq(mandays_sample(5000, 1), 1);
	ck_assert_int_eq(mandays_sample(100, 1), 1);	/* 0.1, at least one */
	ck_assert_int_eq(mandays_sample(100, 4), 1);	/* 0.2 */
	ck_assert_int_eq(mandays_sample(1000, 0), 0);
	ck_assert_int_eq(mandays_sample(1000, -5), 0);
	/* Exact squares are not rounded up. */
	ck_assert_int_eq(mandays_sample(1000, 400), 20);
	ck_assert_int_eq(mandays_sample(1000, 401), 21);
	ck_assert_int_eq(mandays_sample(1000, 399), 20);
	ck_assert_int_eq(mandays_sample(600, 2500), 30);	/* 0.6 · 50 */
	ck_assert_int_eq(mandays_sample(500, 4), 1);		/* 0.5 · 2 */
	ck_assert_int_eq(mandays_sample(1500, 16), 6);		/* 1.5 · 4 */
	ck_assert_int_eq(mandays_sample(1000, 1000000), 1000);
	ck_assert_int_eq(mandays_sample(10000, 1000000), 10000);
}
END_TEST

/* For every n up to 3000: s is the least integer ≥ k·√n, clamped to [1, n], and grows with n. */
START_TEST(test_sample_is_ceiling)
{
	static const int permilles[] = { 100, 600, 800, 1000, 1234, 5000 };

	for (size_t p = 0; p < sizeof(permilles) / sizeof(permilles[0]); p++) {
		long long	k = permilles[p];
		int		prev = 0;

		for (int n = 1; n <= 3000; n++) {
			int		s = mandays_sample(permilles[p], n);
			long long	want = k * k * n;	/* compare 10^6·s² with k²·n */

			ck_assert_msg(s >= 1 && s <= n, "k %lld n %d: %d", k, n, s);
			ck_assert_msg(s >= prev, "k %lld n %d: %d < %d", k, n, s, prev);
			prev = s;
			if (s > 1 && s < n) {
				ck_assert_msg((long long)s * s * 1000000 >= want &&
				    (long long)(s - 1) * (s - 1) * 1000000 < want,
				    "k %lld n %d: %d is not the ceiling", k, n, s);
			} else if (s == 1 && n > 1)
				ck_assert_msg(1000000 >= want, "k %lld n %d: 1 is too few", k, n);
			else if (s == n && n > 1)
				ck_assert_msg((long long)(n - 1) * (n - 1) * 1000000 < want,
				    "k %lld n %d: %d visits every outlet", k, n, s);
		}
	}
}
END_TEST

/*
 * mandays.h: "at least one [outlet visited] when there is any", and
 * mandays_sample is "bounded to [1, n]".  mandays_estimate accepts a
 * permille of 0 (its range check is 0..10000), so either it refuses that
 * rule or it still visits an outlet.
 */
START_TEST(test_zero_permille_still_visits)
{
	struct mandays_rules	r = default_rules;
	struct mandays_estimate	e = { -7, -7 };

	ck_assert_msg(mandays_sample(0, 5) >= 1,
	    "mandays_sample(0, 5) = %d, outside [1, 5]", mandays_sample(0, 5));
	r.sample_permille[AUDIT_INITIAL] = 0;
	if (mandays_estimate(&r, AUDIT_INITIAL, 5, 1, &e) == 0)
		ck_assert_msg(e.sample_outlets >= 1,
		    "permille 0 accepted, and 5 outlets give %d visited",
		    e.sample_outlets);
}
END_TEST

START_TEST(test_estimate_halfdays)
{
	struct mandays_rules	r = default_rules;
	struct mandays_estimate	e;

	/* No outlets: the head office only; 0 and 1 categories cost nothing extra. */
	ck_assert_int_eq(mandays_estimate(&r, AUDIT_INITIAL, 0, 0, &e), 0);
	ck_assert_int_eq(e.sample_outlets, 0);
	ck_assert_int_eq(e.halfdays, 2);
	ck_assert_int_eq(mandays_estimate(&r, AUDIT_INITIAL, 0, 1, &e), 0);
	ck_assert_int_eq(e.halfdays, 2);
	ck_assert_int_eq(mandays_estimate(&r, AUDIT_INITIAL, 0, 3, &e), 0);
	ck_assert_int_eq(e.sample_outlets, 0);
	ck_assert_int_eq(e.halfdays, 4);		/* 3 categories: +2 */

	ck_assert_int_eq(mandays_estimate(&r, AUDIT_INITIAL, 100, 1, &e), 0);
	ck_assert_int_eq(e.halfdays, 12);		/* 2 + 10 */
	ck_assert_int_eq(mandays_estimate(&r, AUDIT_SURVEILLANCE, 100, 3, &e), 0);
	ck_assert_int_eq(e.sample_outlets, 6);
	ck_assert_int_eq(e.halfdays, 10);		/* 2 + 6 + 2 */
	ck_assert_int_eq(mandays_estimate(&r, AUDIT_RECERTIFICATION, 1000, 3, &e), 0);
	ck_assert_int_eq(e.sample_outlets, 26);
	ck_assert_int_eq(e.halfdays, 30);		/* 2 + 26 + 2 */

	/* Other rules: every term is weighted by its own setting. */
	r.base_halfdays = 4;
	r.per_outlet_halfdays = 2;
	r.per_extra_category_halfdays = 3;
	ck_assert_int_eq(mandays_estimate(&r, AUDIT_INITIAL, 100, 4, &e), 0);
	ck_assert_int_eq(e.sample_outlets, 10);
	ck_assert_int_eq(e.halfdays, 4 + 10 * 2 + 3 * 3);
	r.base_halfdays = 0;
	r.per_extra_category_halfdays = 0;
	ck_assert_int_eq(mandays_estimate(&r, AUDIT_SURVEILLANCE, 1, 7, &e), 0);
	ck_assert_int_eq(e.sample_outlets, 1);
	ck_assert_int_eq(e.halfdays, 2);

	/* The limits themselves are accepted. */
	r = default_rules;
	r.sample_permille[AUDIT_INITIAL] = 10000;
	ck_assert_int_eq(mandays_estimate(&r, AUDIT_INITIAL, 1000000, 1000, &e), 0);
	ck_assert_int_eq(e.sample_outlets, 10000);
	ck_assert_int_eq(e.halfdays, 2 + 10000 + 999);
}
END_TEST

START_TEST(test_estimate_refusals)
{
	struct mandays_rules	r;
	struct mandays_estimate	e = { -7, -7 };

	ck_assert_int_eq(mandays_estimate(&default_rules, AUDIT_INITIAL, -1, 1, &e), -1);
	ck_assert_int_eq(mandays_estimate(&default_rules, AUDIT_INITIAL, 10, -1, &e), -1);
	ck_assert_int_eq(mandays_estimate(&default_rules, AUDIT_INITIAL, 1000001, 1, &e), -1);
	ck_assert_int_eq(mandays_estimate(&default_rules, AUDIT_INITIAL, 10, 1001, &e), -1);
	ck_assert_int_eq(mandays_estimate(&default_rules, AUDIT_TYPE__MAX, 10, 1, &e), -1);
	ck_assert_int_eq(mandays_estimate(&default_rules, (enum audit_type)-1, 10, 1, &e), -1);
	ck_assert_int_eq(mandays_estimate(&default_rules, (enum audit_type)99, 10, 1, &e), -1);

	r = default_rules;
	r.per_outlet_halfdays = 0;
	ck_assert_int_eq(mandays_estimate(&r, AUDIT_INITIAL, 10, 1, &e), -1);
	r = default_rules;
	r.base_halfdays = -1;
	ck_assert_int_eq(mandays_estimate(&r, AUDIT_INITIAL, 10, 1, &e), -1);
	r = default_rules;
	r.per_extra_category_halfdays = -1;
	ck_assert_int_eq(mandays_estimate(&r, AUDIT_INITIAL, 10, 1, &e), -1);
	r = default_rules;
	r.sample_permille[AUDIT_SURVEILLANCE] = -1;
	ck_assert_int_eq(mandays_estimate(&r, AUDIT_SURVEILLANCE, 10, 1, &e), -1);
	r.sample_permille[AUDIT_SURVEILLANCE] = 10001;
	ck_assert_int_eq(mandays_estimate(&r, AUDIT_SURVEILLANCE, 10, 1, &e), -1);
	/* Only the permille of the type asked for matters. */
	ck_assert_int_eq(mandays_estimate(&r, AUDIT_RECERTIFICATION, 10, 1, &e), 0);
	ck_assert_int_eq(e.sample_outlets, 3);

	/* Nothing was written by the refusals. */
	e.sample_outlets = e.halfdays = -7;
	ck_assert_int_eq(mandays_estimate(&default_rules, AUDIT_INITIAL, -1, -1, &e), -1);
	ck_assert_int_eq(e.sample_outlets, -7);
	ck_assert_int_eq(e.halfdays, -7);
}
END_TEST

/* ---- intake ---- */

static const struct intake_material complete_materials[] = {
	{ true, 1 }, { false, 0 }, { true, 3 }, { false, 2 },
};

static struct intake_facts
complete_facts(void)
{
	struct intake_facts f = {
		.scope = true, .sales = true, .delivery = true, .funding = true,
		.categories = 1, .outlets = 1,
		.materials = complete_materials,
		.nmaterials = sizeof(complete_materials) / sizeof(complete_materials[0]),
	};

	return f;
}

static void
problems_fill(struct intake_problem *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		p[i].gap = (enum intake_gap)77;
		p[i].material = 4242;
	}
}

static bool
problem_untouched(const struct intake_problem *p)
{
	return p->gap == (enum intake_gap)77 && p->material == 4242;
}

START_TEST(test_intake_complete)
{
	struct intake_facts	f = complete_facts();
	struct intake_problem	p[4];

	problems_fill(p, 4);
	ck_assert_uint_eq(intake_problems(&f, p, 4), 0);
	ck_assert(problem_untouched(&p[0]));

	/* More than the minimum is no problem either; no materials at all is complete. */
	f.categories = 12;
	f.outlets = 300;
	f.materials = NULL;
	f.nmaterials = 0;
	ck_assert_uint_eq(intake_problems(&f, p, 4), 0);
	ck_assert(problem_untouched(&p[0]));
}
END_TEST

START_TEST(test_intake_each_gap_alone)
{
	static const struct intake_material one_missing[] = {
		{ true, 1 }, { false, 0 }, { true, 0 }, { false, 0 },
	};

	for (int g = 0; g < GAP__MAX; g++) {
		struct intake_facts	f = complete_facts();
		struct intake_problem	p[4];
		size_t			n;

		switch ((enum intake_gap)g) {
		case GAP_SCOPE: f.scope = false; break;
		case GAP_SALES: f.sales = false; break;
		case GAP_DELIVERY: f.delivery = false; break;
		case GAP_FUNDING: f.funding = false; break;
		case GAP_CATEGORY: f.categories = 0; break;
		case GAP_OUTLETS: f.outlets = 0; break;
		case GAP_MATERIAL: f.materials = one_missing; break;
		case GAP__MAX: break;
		}
		problems_fill(p, 4);
		n = intake_problems(&f, p, 4);
		ck_assert_msg(n == 1, "gap %d alone: %zu problems", g, n);
		ck_assert_int_eq(p[0].gap, g);
		if (g == GAP_MATERIAL)
			ck_assert_uint_eq(p[0].material, 2);
		ck_assert(problem_untouched(&p[1]));
	}

	/* Negative counts are gaps too. */
	{
		struct intake_facts	f = complete_facts();
		struct intake_problem	p[4];

		f.categories = -1;
		f.outlets = -3;
		ck_assert_uint_eq(intake_problems(&f, p, 4), 2);
		ck_assert_int_eq(p[0].gap, GAP_CATEGORY);
		ck_assert_int_eq(p[1].gap, GAP_OUTLETS);
	}
}
END_TEST

/* Everything missing: the order of the form; only required materials without files. */
static const struct intake_material mixed_materials[] = {
	{ true, 0 },	/* 0: missing */
	{ false, 0 },	/* 1: optional or conditional, not enforced */
	{ true, 0 },	/* 2: missing */
	{ false, 0 },	/* 3 */
	{ true, 2 },	/* 4: uploaded */
	{ true, 0 },	/* 5: missing */
	{ true, -1 },	/* 6: nonsense count, still nothing uploaded */
};

static const struct intake_problem all_problems[] = {
	{ GAP_SCOPE, 0 }, { GAP_SALES, 0 }, { GAP_DELIVERY, 0 }, { GAP_FUNDING, 0 },
	{ GAP_CATEGORY, 0 }, { GAP_OUTLETS, 0 }, { GAP_MATERIAL, 0 },
	{ GAP_MATERIAL, 2 }, { GAP_MATERIAL, 5 }, { GAP_MATERIAL, 6 },
};
#define NPROBLEMS (sizeof(all_problems) / sizeof(all_problems[0]))

static struct intake_facts
empty_facts(void)
{
	struct intake_facts f = {
		.materials = mixed_materials,
		.nmaterials = sizeof(mixed_materials) / sizeof(mixed_materials[0]),
	};

	return f;
}

START_TEST(test_intake_order)
{
	struct intake_facts	f = empty_facts();
	struct intake_problem	p[NPROBLEMS + 2];

	problems_fill(p, NPROBLEMS + 2);
	ck_assert_uint_eq(intake_problems(&f, p, NPROBLEMS + 2), NPROBLEMS);
	for (size_t i = 0; i < NPROBLEMS; i++) {
		ck_assert_msg(p[i].gap == all_problems[i].gap, "problem %zu: gap %d, want %d",
		    i, p[i].gap, all_problems[i].gap);
		if (p[i].gap == GAP_MATERIAL)
			ck_assert_uint_eq(p[i].material, all_problems[i].material);
	}
	ck_assert(problem_untouched(&p[NPROBLEMS]));
}
END_TEST

START_TEST(test_intake_max)
{
	struct intake_facts	f = empty_facts();
	struct intake_problem	p[NPROBLEMS + 1];

	/* The count keeps growing past max; only max are written. */
	for (size_t max = 0; max <= NPROBLEMS; max++) {
		problems_fill(p, NPROBLEMS + 1);
		ck_assert_uint_eq(intake_problems(&f, p, max), NPROBLEMS);
		for (size_t i = 0; i < max; i++)
			ck_assert_int_eq(p[i].gap, all_problems[i].gap);
		for (size_t i = max; i < NPROBLEMS + 1; i++)
			ck_assert_msg(problem_untouched(&p[i]),
			    "max %zu: problem %zu written", max, i);
	}

	/* max 0 only counts: out is never touched. */
	ck_assert_uint_eq(intake_problems(&f, NULL, 0), NPROBLEMS);
	f = complete_facts();
	f.funding = false;
	ck_assert_uint_eq(intake_problems(&f, NULL, 0), 1);
}
END_TEST

/* ---- workflow ---- */

/* What every state is; a state added to the enum without a line here fails. */
static const struct {
	bool		 listed;
	const char	*name;
	bool		 applicant_edits;
} want_states[APP_STATE__MAX] = {
	[APP_DRAFT] = { true, "draft", true },
	[APP_SUBMITTED] = { true, "submitted", false },
	[APP_IN_REVIEW] = { true, "in_review", false },
	[APP_SUPPLEMENT_NEEDED] = { true, "supplement_needed", false },
	[APP_RESUBMITTED] = { true, "resubmitted", false },
	[APP_ACCEPTED] = { true, "accepted", false },
	[APP_DECLINED] = { true, "declined", false },
};

/* Every (action, state) pair; an action or state added without a line here fails. */
static const struct {
	bool		 listed, allowed;
	enum app_state	 to;
	unsigned	 roles;
} want_transitions[APP_ACTION__MAX][APP_STATE__MAX] = {
	[APP_SUBMIT] = {
		[APP_DRAFT] = { true, true, APP_SUBMITTED, ROLE_APPLICANT },
		[APP_SUBMITTED] = { true, false, APP_DRAFT, 0 },
		[APP_IN_REVIEW] = { true, false, APP_DRAFT, 0 },
		[APP_SUPPLEMENT_NEEDED] = { true, false, APP_DRAFT, 0 },
		[APP_RESUBMITTED] = { true, false, APP_DRAFT, 0 },
		[APP_ACCEPTED] = { true, false, APP_DRAFT, 0 },
		[APP_DECLINED] = { true, false, APP_DRAFT, 0 },
	},
	[APP_TAKE] = {
		[APP_DRAFT] = { true, false, APP_DRAFT, 0 },
		[APP_SUBMITTED] = { true, true, APP_IN_REVIEW, ROLE_REVIEWER },
		[APP_IN_REVIEW] = { true, false, APP_DRAFT, 0 },
		[APP_SUPPLEMENT_NEEDED] = { true, false, APP_DRAFT, 0 },
		[APP_RESUBMITTED] = { true, true, APP_IN_REVIEW, ROLE_REVIEWER },
		[APP_ACCEPTED] = { true, false, APP_DRAFT, 0 },
		[APP_DECLINED] = { true, false, APP_DRAFT, 0 },
	},
	[APP_REQUEST_SUPPLEMENT] = {
		[APP_DRAFT] = { true, false, APP_DRAFT, 0 },
		[APP_SUBMITTED] = { true, false, APP_DRAFT, 0 },
		[APP_IN_REVIEW] = { true, true, APP_SUPPLEMENT_NEEDED, ROLE_REVIEWER },
		[APP_SUPPLEMENT_NEEDED] = { true, false, APP_DRAFT, 0 },
		[APP_RESUBMITTED] = { true, false, APP_DRAFT, 0 },
		[APP_ACCEPTED] = { true, false, APP_DRAFT, 0 },
		[APP_DECLINED] = { true, false, APP_DRAFT, 0 },
	},
	[APP_RESUBMIT] = {
		[APP_DRAFT] = { true, false, APP_DRAFT, 0 },
		[APP_SUBMITTED] = { true, false, APP_DRAFT, 0 },
		[APP_IN_REVIEW] = { true, false, APP_DRAFT, 0 },
		[APP_SUPPLEMENT_NEEDED] = { true, true, APP_RESUBMITTED, ROLE_APPLICANT },
		[APP_RESUBMITTED] = { true, false, APP_DRAFT, 0 },
		[APP_ACCEPTED] = { true, false, APP_DRAFT, 0 },
		[APP_DECLINED] = { true, false, APP_DRAFT, 0 },
	},
	[APP_ACCEPT] = {
		[APP_DRAFT] = { true, false, APP_DRAFT, 0 },
		[APP_SUBMITTED] = { true, false, APP_DRAFT, 0 },
		[APP_IN_REVIEW] = { true, true, APP_ACCEPTED, ROLE_REVIEWER },
		[APP_SUPPLEMENT_NEEDED] = { true, false, APP_DRAFT, 0 },
		[APP_RESUBMITTED] = { true, false, APP_DRAFT, 0 },
		[APP_ACCEPTED] = { true, false, APP_DRAFT, 0 },
		[APP_DECLINED] = { true, false, APP_DRAFT, 0 },
	},
	[APP_DECLINE] = {
		[APP_DRAFT] = { true, false, APP_DRAFT, 0 },
		[APP_SUBMITTED] = { true, false, APP_DRAFT, 0 },
		[APP_IN_REVIEW] = { true, true, APP_DECLINED, ROLE_REVIEWER },
		[APP_SUPPLEMENT_NEEDED] = { true, false, APP_DRAFT, 0 },
		[APP_RESUBMITTED] = { true, false, APP_DRAFT, 0 },
		[APP_ACCEPTED] = { true, false, APP_DRAFT, 0 },
		[APP_DECLINED] = { true, false, APP_DRAFT, 0 },
	},
};

static const char *const want_action_names[APP_ACTION__MAX] = {
	[APP_SUBMIT] = "application.submitted",
	[APP_TAKE] = "application.taken",
	[APP_REQUEST_SUPPLEMENT] = "application.supplement_requested",
	[APP_RESUBMIT] = "application.resubmitted",
	[APP_ACCEPT] = "application.accepted",
	[APP_DECLINE] = "application.declined",
};

START_TEST(test_workflow_table)
{
	for (int a = 0; a < APP_ACTION__MAX; a++)
		for (int s = 0; s < APP_STATE__MAX; s++) {
			const struct app_transition	*t;

			ck_assert_msg(want_transitions[a][s].listed,
			    "no expectation for action %d (%s) from state %d (%s)",
			    a, app_action_name((enum app_action)a), s,
			    app_state_name((enum app_state)s));
			t = app_transition((enum app_action)a, (enum app_state)s);
			if (!want_transitions[a][s].allowed) {
				ck_assert_msg(t == NULL, "%s from %s is allowed",
				    app_action_name((enum app_action)a),
				    app_state_name((enum app_state)s));
				continue;
			}
			ck_assert_msg(t != NULL, "%s from %s is not allowed",
			    app_action_name((enum app_action)a),
			    app_state_name((enum app_state)s));
			ck_assert_int_eq(t->action, a);
			ck_assert_int_eq(t->from, s);
			ck_assert_int_eq(t->to, want_transitions[a][s].to);
			ck_assert_uint_eq(t->roles, want_transitions[a][s].roles);
			ck_assert_uint_ne(t->roles, 0);
			ck_assert_uint_eq(t->roles & ~(unsigned)ROLES_ANY_USER, 0);
		}
	/* Out of range: nothing. */
	ck_assert_ptr_null(app_transition(APP_ACTION__MAX, APP_DRAFT));
	ck_assert_ptr_null(app_transition(APP_SUBMIT, APP_STATE__MAX));
}
END_TEST

START_TEST(test_submit_is_the_applicants)
{
	const struct app_transition *t = app_transition(APP_SUBMIT, APP_DRAFT);

	ck_assert_ptr_nonnull(t);
	ck_assert_int_eq(t->to, APP_SUBMITTED);
	ck_assert(t->roles & ROLE_APPLICANT);
	for (unsigned bit = 1; bit < (1u << ROLE_COUNT); bit <<= 1)
		if (bit != ROLE_APPLICANT)
			ck_assert_msg(!(t->roles & bit), "%s may submit", role_name(bit));
	ck_assert_ptr_null(app_transition(APP_SUBMIT, APP_SUBMITTED));
}
END_TEST

START_TEST(test_workflow_names)
{
	for (int s = 0; s < APP_STATE__MAX; s++) {
		const char *name = app_state_name((enum app_state)s);

		ck_assert_msg(want_states[s].listed, "no expectation for state %d (%s)",
		    s, name);
		ck_assert_str_eq(name, want_states[s].name);
		ck_assert_int_eq(app_state_parse(name), s);
		ck_assert_msg(app_applicant_may_edit((enum app_state)s) ==
		    want_states[s].applicant_edits, "state %s", name);
		for (int o = 0; o < s; o++)
			ck_assert_str_ne(name, app_state_name((enum app_state)o));
	}
	for (int a = 0; a < APP_ACTION__MAX; a++) {
		ck_assert_ptr_nonnull(want_action_names[a]);
		ck_assert_str_eq(app_action_name((enum app_action)a), want_action_names[a]);
	}
	ck_assert_int_eq(app_state_parse(NULL), -1);
	ck_assert_int_eq(app_state_parse(""), -1);
	ck_assert_int_eq(app_state_parse("Draft"), -1);
	ck_assert_int_eq(app_state_parse("draft "), -1);
	ck_assert_int_eq(app_state_parse("drafts"), -1);
	ck_assert_int_eq(app_state_parse("unknown"), -1);
	ck_assert_str_eq(app_state_name(APP_STATE__MAX), "unknown");
	ck_assert_str_eq(app_state_name((enum app_state)-1), "unknown");
	ck_assert_str_eq(app_action_name(APP_ACTION__MAX), "unknown");
	ck_assert(app_applicant_may_edit(APP_DRAFT));
	ck_assert(!app_applicant_may_edit(APP_SUBMITTED));
	ck_assert(!app_applicant_may_edit(APP_STATE__MAX));
}
END_TEST

/* ---- csv ---- */

/* The rows a parse delivered, as "L<line>[field][field]\n" lines. */
struct rows {
	char	out[16384];
	size_t	len;
	int	calls;
	int	stop_at;	/* return non-zero from this call on (1-based); 0: never */
};

static int
collect(void *ctx, size_t line, const char *const *fields, size_t nfields)
{
	struct rows	*r = ctx;
	int		 n;

	ck_assert_uint_ge(nfields, 1);
	ck_assert_uint_le(nfields, CSV_FIELDS_MAX);
	n = snprintf(r->out + r->len, sizeof(r->out) - r->len, "L%zu", line);
	ck_assert(n > 0 && (size_t)n < sizeof(r->out) - r->len);
	r->len += (size_t)n;
	for (size_t i = 0; i < nfields; i++) {
		ck_assert_uint_le(strlen(fields[i]), CSV_FIELD_MAX);
		n = snprintf(r->out + r->len, sizeof(r->out) - r->len, "[%s]", fields[i]);
		ck_assert(n > 0 && (size_t)n < sizeof(r->out) - r->len);
		r->len += (size_t)n;
	}
	ck_assert_uint_lt(r->len + 1, sizeof(r->out));
	r->out[r->len++] = '\n';
	r->out[r->len] = '\0';
	r->calls++;
	return r->stop_at != 0 && r->calls >= r->stop_at;
}

/* Parse len bytes from an exact-size copy (no NUL after it), so over-reads show. */
static enum csv_status
parse_n(const char *text, size_t len, struct rows *r, size_t *line)
{
	char		*copy = malloc(len > 0 ? len : 1);
	enum csv_status	 st;

	ck_assert_ptr_nonnull(copy);
	memcpy(copy, text, len);
	r->len = 0;
	r->out[0] = '\0';
	r->calls = 0;
	st = csv_parse(copy, len, collect, r, line);
	free(copy);
	return st;
}

static enum csv_status
parse(const char *text, struct rows *r, size_t *line)
{
	return parse_n(text, strlen(text), r, line);
}

/* text parses without error into want. */
static void
parses_to(const char *text, const char *want)
{
	struct rows	r = { .stop_at = 0 };
	size_t		line = 0;
	enum csv_status	st = parse(text, &r, &line);

	ck_assert_msg(st == CSV_OK, "\"%s\": status %d at line %zu", text, st, line);
	ck_assert_msg(strcmp(r.out, want) == 0, "\"%s\":\n got \"%s\"\nwant \"%s\"",
	    text, r.out, want);
}

/* text fails with status at line, after delivering want. */
static void
fails_with(const char *text, enum csv_status status, size_t line, const char *want)
{
	struct rows	r = { .stop_at = 0 };
	size_t		got_line = 0;
	enum csv_status	st = parse(text, &r, &got_line);

	ck_assert_msg(st == status, "\"%s\": status %d, want %d", text, st, status);
	ck_assert_msg(got_line == line, "\"%s\": line %zu, want %zu", text, got_line, line);
	ck_assert_msg(strcmp(r.out, want) == 0, "\"%s\":\n got \"%s\"\nwant \"%s\"",
	    text, r.out, want);
}

START_TEST(test_csv_separator)
{
	parses_to("a,b,c\n", "L1[a][b][c]\n");
	parses_to("a\tb\tc\n", "L1[a][b][c]\n");
	parses_to("a\tb\nc,d\te\n", "L1[a][b]\nL2[c,d][e]\n");	/* tab: commas are text */
	parses_to("a,b\nc\td\n", "L1[a][b]\nL2[c\td]\n");	/* comma: tabs are text */
	parses_to("a\tb,c\nd\te\n", "L1[a][b,c]\nL2[d][e]\n");	/* a tab wins: pasted from a spreadsheet */
	parses_to("abc\ndef\n", "L1[abc]\nL2[def]\n");		/* neither: one column */
	parses_to("a\t\tb\n", "L1[a][][b]\n");
	parses_to("\"x\ty\"\tz\n", "L1[x\ty][z]\n");
	parses_to("name\taddress\r\n王府井店\t北京\r\n", "L1[name][address]\nL2[王府井店][北京]\n");
}
END_TEST

START_TEST(test_csv_quotes)
{
	parses_to("\"a,b\",c\n", "L1[a,b][c]\n");
	parses_to("\"say \"\"hi\"\"\",x\n", "L1[say \"hi\"][x]\n");
	parses_to("\"\"\"\"\n", "L1[\"]\n");
	parses_to("\"one\ntwo\",z\nnext\n", "L1[one\ntwo][z]\nL3[next]\n");
	parses_to("\"\"\n", "L1[]\n");			/* a quoted empty field is a row */
	parses_to("\"\",\"\"\n", "L1[][]\n");
	parses_to("a,\"\",b\n", "L1[a][][b]\n");
	parses_to("\"a\"\"\"\"\",b\n", "L1[a\"\"][b]\n");
	parses_to("\"\n\n\"\n", "L1[\n\n]\n");		/* blank lines inside quotes stay */
	parses_to("\"a\",\"b\"\n\"c\",d\n", "L1[a][b]\nL2[c][d]\n");
}
END_TEST

START_TEST(test_csv_line_ends)
{
	parses_to("a,b\nc,d\n", "L1[a][b]\nL2[c][d]\n");
	parses_to("a,b\r\nc,d\r\n", "L1[a][b]\nL2[c][d]\n");
	parses_to("a,b\r\nc,d\n", "L1[a][b]\nL2[c][d]\n");
	parses_to("\"a\"\r\n\"b\",c\r\n", "L1[a]\nL2[b][c]\n");
	parses_to("a,\r\n", "L1[a][]\n");
}
END_TEST

START_TEST(test_csv_final_line)
{
	parses_to("a,b\nc,d", "L1[a][b]\nL2[c][d]\n");
	parses_to("a,b\r", "L1[a][b]\n");
	parses_to("x\n\"q\"", "L1[x]\nL2[q]\n");
	parses_to("\"q,r\"  ", "L1[q,r]\n");
	parses_to("a,", "L1[a][]\n");
	parses_to("a", "L1[a]\n");
}
END_TEST

START_TEST(test_csv_empty_lines)
{
	parses_to("", "");
	parses_to("\n", "");
	parses_to("\n\r\n  \n", "");
	parses_to("\n\na,b\n\n\r\n   \nc\n\n", "L3[a][b]\nL7[c]\n");
	parses_to(",\n", "L1[][]\n");			/* separators make a row */
	parses_to(" , \n", "L1[][]\n");
}
END_TEST

START_TEST(test_csv_trimming)
{
	parses_to("  a  ,  b c  ,\"  d  \"\n", "L1[a][b c][  d  ]\n");
	parses_to("  \"x\"  ,y\n", "L1[x][y]\n");
	parses_to("a\t \t b \n", "L1[a][][b]\n");
	parses_to(" \" \" \n", "L1[ ]\n");
}
END_TEST

START_TEST(test_csv_line_numbers)
{
	parses_to("a\n\"b\nc\nd\",e\nf\n", "L1[a]\nL2[b\nc\nd][e]\nL5[f]\n");
	parses_to("a\r\n\"b\r\nc\",e\r\n\r\nf\r\n", "L1[a]\nL2[b\r\nc][e]\nL5[f]\n");
	parses_to("x,\"1\n2\",\"3\n4\"\ny\n", "L1[x][1\n2][3\n4]\nL4[y]\n");
}
END_TEST

START_TEST(test_csv_errors)
{
	struct rows	r = { .stop_at = 0 };
	size_t		line = 0;

	/* Unterminated quotes. */
	fails_with("\"abc", CSV_QUOTE, 1, "");
	fails_with("a,b\nc\n\"abc,d", CSV_QUOTE, 3, "L1[a][b]\nL2[c]\n");
	fails_with("a,\"b\"\"", CSV_QUOTE, 1, "");
	/* Text after a closing quote. */
	fails_with("\"a\"b\n", CSV_QUOTE, 1, "");
	fails_with("x\n\"a\"b,c\n", CSV_QUOTE, 2, "L1[x]\n");
	fails_with("\"a\" \"b\"\n", CSV_QUOTE, 1, "");
	fails_with("ok\n\"a\nb\"c\n", CSV_QUOTE, 3, "L1[ok]\n");
	/* A quote in the middle of an unquoted field. */
	fails_with("a\"b,c\n", CSV_QUOTE, 1, "");
	fails_with("ok\n\nx,ab\"c\"\n", CSV_QUOTE, 3, "L1[ok]\n");
	fails_with("a,b \"c\"\n", CSV_QUOTE, 1, "");

	/* A quote left open over several lines is blamed on one of them. */
	ck_assert_int_eq(parse("a\n\"b\nc", &r, &line), CSV_QUOTE);
	ck_assert_msg(line >= 2 && line <= 3, "line %zu", line);
	ck_assert_str_eq(r.out, "L1[a]\n");

	/* The line pointer is optional. */
	ck_assert_int_eq(parse("\"a\"b", &r, NULL), CSV_QUOTE);
	ck_assert_int_eq(parse("a,b\n", &r, NULL), CSV_OK);
}
END_TEST

START_TEST(test_csv_field_count)
{
	char	text[256];
	char	want[256];
	size_t	n = 0, w = 0;

	/* Exactly CSV_FIELDS_MAX fields. */
	w += (size_t)snprintf(want + w, sizeof(want) - w, "L1");
	for (int i = 0; i < CSV_FIELDS_MAX; i++) {
		n += (size_t)snprintf(text + n, sizeof(text) - n, "%s%d", i ? "," : "", i);
		w += (size_t)snprintf(want + w, sizeof(want) - w, "[%d]", i);
	}
	snprintf(text + n, sizeof(text) - n, "\n");
	snprintf(want + w, sizeof(want) - w, "\n");
	parses_to(text, want);

	/* One more, on the second line; also one more empty one. */
	n = (size_t)snprintf(text, sizeof(text), "ok\n");
	for (int i = 0; i <= CSV_FIELDS_MAX; i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n, "%s%d", i ? "," : "", i);
	snprintf(text + n, sizeof(text) - n, "\n");
	fails_with(text, CSV_TOO_MANY_FIELDS, 2, "L1[ok]\n");

	n = (size_t)snprintf(text, sizeof(text), "ok\n");
	for (int i = 0; i < CSV_FIELDS_MAX; i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n, "x,");
	fails_with(text, CSV_TOO_MANY_FIELDS, 2, "L1[ok]\n");
	/* Separators inside quotes are not fields. */
	n = (size_t)snprintf(text, sizeof(text), "\"");
	for (int i = 0; i < 2 * CSV_FIELDS_MAX; i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n, ",");
	snprintf(text + n, sizeof(text) - n, "\"\n");
	{
		struct rows r = { .stop_at = 0 };

		ck_assert_int_eq(parse(text, &r, NULL), CSV_OK);
		ck_assert_int_eq(r.calls, 1);
	}
}
END_TEST

START_TEST(test_csv_field_length)
{
	static char	text[3 * CSV_FIELD_MAX], want[3 * CSV_FIELD_MAX + 8];
	struct rows	r = { .stop_at = 0 };
	size_t		line = 0;

	/* CSV_FIELD_MAX bytes, unquoted and quoted. */
	memset(text, 'x', CSV_FIELD_MAX);
	text[CSV_FIELD_MAX] = '\0';
	snprintf(want, sizeof(want), "L1[%s]\n", text);
	parses_to(text, want);
	text[0] = '"';
	memset(text + 1, 'x', CSV_FIELD_MAX);
	strcpy(text + 1 + CSV_FIELD_MAX, "\"\n");
	parses_to(text, want);

	/* One more byte, on line 2. */
	text[0] = 'a';
	text[1] = '\n';
	memset(text + 2, 'y', CSV_FIELD_MAX + 1);
	strcpy(text + 2 + CSV_FIELD_MAX + 1, ",z\n");
	fails_with(text, CSV_FIELD_TOO_LONG, 2, "L1[a]\n");
	text[2] = '"';
	strcpy(text + 2 + CSV_FIELD_MAX + 1, "y\"\n");
	fails_with(text, CSV_FIELD_TOO_LONG, 2, "L1[a]\n");

	/* "" counts as one byte. */
	text[0] = '"';
	for (size_t i = 0; i < CSV_FIELD_MAX; i++)
		text[1 + 2 * i] = text[2 + 2 * i] = '"';
	strcpy(text + 1 + 2 * CSV_FIELD_MAX, "\"\n");
	ck_assert_int_eq(parse(text, &r, &line), CSV_OK);
	ck_assert_int_eq(r.calls, 1);
	ck_assert_uint_eq(r.len, 2 + 1 + CSV_FIELD_MAX + 2);
}
END_TEST

START_TEST(test_csv_stop)
{
	struct rows	r = { .stop_at = 2 };
	size_t		line = 0;

	ck_assert_int_eq(parse("a\n\nb,c\nd\n", &r, &line), CSV_STOPPED);
	ck_assert_int_eq(r.calls, 2);
	ck_assert_uint_eq(line, 3);
	ck_assert_str_eq(r.out, "L1[a]\nL3[b][c]\n");

	/* Stopped on a row spanning lines: its first line. */
	r.stop_at = 2;
	ck_assert_int_eq(parse("a\n\"b\nc\"\nd\n", &r, &line), CSV_STOPPED);
	ck_assert_uint_eq(line, 2);
	ck_assert_int_eq(r.calls, 2);

	/* Stopped on the last row, which has no newline. */
	r.stop_at = 1;
	ck_assert_int_eq(parse("\n\nlast", &r, &line), CSV_STOPPED);
	ck_assert_uint_eq(line, 3);
	ck_assert_int_eq(r.calls, 1);

	/* A stop before an error: the error is never reached. */
	r.stop_at = 1;
	ck_assert_int_eq(parse("a\n\"b", &r, &line), CSV_STOPPED);
	ck_assert_uint_eq(line, 1);
}
END_TEST

START_TEST(test_csv_utf8)
{
	static const char text[] =
	    "名称,地址,电话\n"
	    "王府井旗舰店,\"北京市东城区王府井大街138号，新东安广场\",010-65280000\n"
	    "　徐家汇店　,上海市徐汇区\xef\xbc\x8c漕溪北路,\"“售后”\"\n";
	struct rows	r = { .stop_at = 0 };
	size_t		line = 0;

	ck_assert_int_eq(parse(text, &r, &line), CSV_OK);
	ck_assert_int_eq(r.calls, 3);
	/* Full-width spaces (U+3000) are text, not trimmed. */
	ck_assert_str_eq(r.out,
	    "L1[名称][地址][电话]\n"
	    "L2[王府井旗舰店][北京市东城区王府井大街138号，新东安广场][010-65280000]\n"
	    "L3[　徐家汇店　][上海市徐汇区，漕溪北路][“售后”]\n");
	/* Bytes that are not UTF-8 are not the reader's business either. */
	parses_to("\xff\xfe,\x80\n", "L1[\xff\xfe][\x80]\n");
}
END_TEST

Suite *
domain_intake_suite(void)
{
	Suite	*s = suite_create("domain_intake");
	TCase	*md = tcase_create("mandays");
	TCase	*in = tcase_create("intake");
	TCase	*wf = tcase_create("workflow");
	TCase	*cs = tcase_create("csv");

	tcase_add_test(md, test_sample_edges);
	tcase_add_test(md, test_sample_bounds);
	tcase_add_test(md, test_sample_is_ceiling);
	tcase_add_test(md, test_zero_permille_still_visits);
	tcase_add_test(md, test_estimate_halfdays);
	tcase_add_test(md, test_estimate_refusals);
	suite_add_tcase(s, md);

	tcase_add_test(in, test_intake_complete);
	tcase_add_test(in, test_intake_each_gap_alone);
	tcase_add_test(in, test_intake_order);
	tcase_add_test(in, test_intake_max);
	suite_add_tcase(s, in);

	tcase_add_test(wf, test_workflow_table);
	tcase_add_test(wf, test_submit_is_the_applicants);
	tcase_add_test(wf, test_workflow_names);
	suite_add_tcase(s, wf);

	tcase_add_test(cs, test_csv_separator);
	tcase_add_test(cs, test_csv_quotes);
	tcase_add_test(cs, test_csv_line_ends);
	tcase_add_test(cs, test_csv_final_line);
	tcase_add_test(cs, test_csv_empty_lines);
	tcase_add_test(cs, test_csv_trimming);
	tcase_add_test(cs, test_csv_line_numbers);
	tcase_add_test(cs, test_csv_errors);
	tcase_add_test(cs, test_csv_field_count);
	tcase_add_test(cs, test_csv_field_length);
	tcase_add_test(cs, test_csv_stop);
	tcase_add_test(cs, test_csv_utf8);
	suite_add_tcase(s, cs);
	return s;
}
