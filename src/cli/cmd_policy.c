/* cmd_policy: `jeugdroute policy check|show` — validates a region's policy file or prints it
 * readably, optionally as it applies to one municipality. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/alloc.h"
#include "core/ident.h"
#include "json/policy_json.h"
#include "json/policy_set.h"

const char jr_usage_policy[] =
	"Gebruik: jeugdroute policy check BESTAND...\n"
	"         jeugdroute policy show BESTAND [--municipality CODE]\n"
	"\n"
	"Het beleidsbestand van een regio legt haar keuzes vast: gemeenten en hun regime, de tien\n"
	"vormen van jeugdhulp, de sociale basis, wie mag verwijzen, normen en drempels\n"
	"(docs/policy.md).\n"
	"\n"
	"  check   controleert elk bestand volledig; een fout noemt bestand, JSON-pad en reden.\n"
	"          Meerdere bestanden samen: de versies van een regio (valid_from, valid_until)\n"
	"          mogen elkaar niet overlappen, en een gemeente hoort op elke dag bij één regio.\n"
	"  show    toont het beleid leesbaar; met --municipality CODE alleen wat voor die\n"
	"          gemeente geldt (CBS-code, 4 cijfers, bijv. 0153).\n"
	"\n"
	"Afsluitcode: 0 in orde, 2 ongeldig bestand of aanroep, 1 interne fout.\n";

/* The period of validity, as jr_policy_describe_period says it. */
static void print_period(const struct jr_policy *p)
{
	char period[80];

	jr_policy_describe_period(p, period, sizeof(period));
	fputs(period, stdout);
}

static void print_crisis_service(const struct jr_crisis_service *c)
{
	char since[JR_DATE_STRLEN];

	printf("%s (%s", c->name, c->reachability);
	if (c->has_since) {
		jr_date_format(c->since, since);
		printf(" sinds %s", since);
	}
	if (c->phone[0])
		printf(", telefoon %s", c->phone);
	printf(")");
}

static int check(int argc, char **argv)
{
	struct jr_policy_set set;
	struct jr_diag diag;
	int status = 0;

	if (argc < 1) {
		jr_cli_error("policy check: geef een of meer beleidsbestanden; zie jeugdroute "
			     "policy --help");
		return 2;
	}
	jr_policy_set_init(&set);
	for (int i = 0; i < argc; i++) {
		const char *bad;
		enum jr_err err = jr_policy_set_add_file(&set, argv[i], &diag, &bad);
		const struct jr_policy *p;
		size_t forms_local = 0;

		if (err) {
			jr_cli_error("%s: %s: %s", bad, diag.path[0] ? diag.path : "$",
				     diag.message[0] ? diag.message : jr_err_name(err));
			status = jr_err_exit_status(err);
			continue;
		}
		p = set.policies[set.count - 1];
		for (int f = 1; f <= JR_FORM_COUNT; f++)
			forms_local += p->forms[f].contracting == JR_CONTRACTING_LOCAL;
		printf("%s: in orde — regio %s (%s), %zu gemeenten, 10 vormen (%zu lokaal, %zu "
		       "regionaal), %zu voorzieningen in de sociale basis, %zu zonder verwijzing\n",
		       argv[i], p->name,
		       p->regional_body_short[0] ? p->regional_body_short : p->regional_body,
		       p->municipality_count, forms_local, JR_FORM_COUNT - forms_local,
		       p->social_base_count, p->no_referral_count);
		printf("  ");
		print_period(p);
		printf("; crisisdienst: ");
		print_crisis_service(&p->crisis_service);
		printf("\n");
	}
	jr_policy_set_release(&set);
	return status;
}

static void print_needs(unsigned mask)
{
	const char *sep = "";
	for (int d = 0; d < JR_NEED_COUNT; d++)
		if (mask & (1u << d)) {
			printf("%s%s", sep, jr_need_label((enum jr_need)d));
			sep = ", ";
		}
}

static void print_indication(const struct jr_indication *ind)
{
	const char *sep = "";

	if (!ind->present) {
		printf("door de regels (crisis, machtiging, maatregel)");
		return;
	}
	for (int d = 0; d < JR_NEED_COUNT; d++)
		if (ind->need_min[d]) {
			printf("%s%s ≥ %d", sep, jr_need_label((enum jr_need)d), ind->need_min[d]);
			sep = " of ";
		}
	for (int f = 0; f < JR_FLAG_COUNT; f++)
		if (ind->any_flags & JR_FLAG_BIT(f)) {
			printf("%s%s", sep, jr_flag_label((enum jr_flag)f));
			sep = " of ";
		}
	for (int m = 1; m < JR_MEASURE_COUNT; m++)
		if (ind->any_measures & (1u << m)) {
			printf("%s%s", sep, jr_measure_label((enum jr_measure)m));
			sep = " of ";
		}
	if (ind->domains_count)
		printf("%s%d of meer domeinen ≥ %d", sep, ind->domains_count, ind->domains_level);
	if (ind->all_flags) {
		printf(", steeds met ");
		sep = "";
		for (int f = 0; f < JR_FLAG_COUNT; f++)
			if (ind->all_flags & JR_FLAG_BIT(f)) {
				printf("%s%s", sep, jr_flag_label((enum jr_flag)f));
				sep = " en ";
			}
	}
}

static void print_offers(const char *title, const struct jr_offer *offers, size_t count,
			 bool social_base)
{
	if (!count)
		return;
	printf("\n%s:\n", title);
	for (size_t i = 0; i < count; i++) {
		printf("  - %s [%s]: ", offers[i].name,
		       social_base ? jr_sb_category_label((enum jr_sb_category)offers[i].category)
				   : jr_nr_kind_label((enum jr_nr_kind)offers[i].category));
		print_needs(offers[i].needs);
		printf("\n");
	}
}

static void print_regime(const struct jr_policy *p, const struct jr_municipality *m)
{
	printf("%s", jr_regime_label(m->regime));
	if (m->main_provider[0])
		printf(", hoofdaanbieder %s", m->main_provider);
	if (p->regime_described[m->regime] && p->regimes[m->regime].term_count) {
		printf(" (");
		for (size_t i = 0; i < p->regimes[m->regime].term_count; i++)
			printf("%s%s", i ? ", " : "", p->regimes[m->regime].terms[i]);
		printf(")");
	}
}

static void show(const struct jr_policy *p, const struct jr_municipality *only)
{
	const struct jr_norms *n = &p->norms;
	const struct jr_thresholds *t = &p->thresholds;

	printf("Regio %s (%s)\n", p->name, p->id);
	printf("Regionaal orgaan: %s%s%s%s\n", p->regional_body,
	       p->regional_body_short[0] ? " (" : "", p->regional_body_short,
	       p->regional_body_short[0] ? ")" : "");
	printf("Expertteam bij hoppen: %s\n", p->expert_team);
	printf("Geldigheid: ");
	print_period(p);
	printf("\nCrisisdienst: ");
	print_crisis_service(&p->crisis_service);
	printf("\n");
	printf("Oplossingen zonder verwijzing eerst: %s\n", p->no_referral_first ? "ja" : "nee");

	printf("\nGemeenten%s:\n", only ? " (selectie)" : "");
	for (size_t i = 0; i < p->municipality_count; i++) {
		const struct jr_municipality *m = &p->municipalities[i];
		if (only && m != only)
			continue;
		printf("  %s  %-22s ", m->code, m->name);
		print_regime(p, m);
		printf("\n");
		if (only && p->regime_described[m->regime])
			printf("        %s\n", p->regimes[m->regime].description);
	}

	printf("\nVormen van jeugdhulp (licht naar zwaar):\n");
	for (int f = 1; f <= JR_FORM_COUNT; f++) {
		const struct jr_form *form = &p->forms[f];
		printf("  %2d. %s\n      %s, %s gecontracteerd", f, form->name,
		       jr_setting_label(form->setting),
		       form->contracting == JR_CONTRACTING_LOCAL ? "lokaal" : "regionaal");
		if (only && form->contracting == JR_CONTRACTING_LOCAL)
			printf(" door %s (%s)", only->name, jr_regime_label(only->regime));
		else if (form->contracting == JR_CONTRACTING_REGIONAL)
			printf(" door %s", p->regional_body_short[0] ? p->regional_body_short
								     : p->regional_body);
		printf(", JZ020 %s", form->jz020);
		for (int m = 1; m < JR_MEASURE_COUNT; m++)
			if (form->jz020_by_measure[m][0])
				printf(" (%s: %s)", jr_measure_name((enum jr_measure)m),
				       form->jz020_by_measure[m]);
		printf("\n      past bij: ");
		print_indication(&form->indication);
		printf("\n");
	}

	print_offers("Sociale basis (vrij toegankelijk)", p->social_base, p->social_base_count,
		     true);
	print_offers("Zonder verwijzing", p->no_referral, p->no_referral_count, false);

	printf("\nVerwijzers (iJw COD327):\n");
	for (int c = 1; c < JR_REFERRER_CODES; c++) {
		const struct jr_referrer *r = &p->referrers[c];
		const char *sep = "";
		if (!r->defined)
			continue;
		printf("  %s %-34s vormen: ", r->code, r->name);
		if (!r->forms)
			printf("geen (opent geen jeugdhulp)");
		for (int f = 1; f <= JR_FORM_COUNT; f++)
			if (r->forms & (1u << f)) {
				printf("%s%d", sep, f);
				sep = ",";
			}
		printf("%s%s\n", r->agb_required ? "; AGB-code verplicht" : "",
		       r->within_measure_only ? "; alleen binnen een maatregel" : "");
	}

	printf("\nNormen:\n");
	printf("  Jeugdwet tot %d jaar, voortzetting tot %d (hervatten binnen %d dagen)\n",
	       n->age_limit, n->continuation_until, n->continuation_resume_days);
	printf("  Hoppen: %d of meer negatief afgesloten trajecten binnen %d dagen\n",
	       n->hopping_count, n->hopping_window_days);
	printf("  Na crisis: verwijzing en brede analyse binnen %d dagen\n", n->crisis_followup_days);
	printf("  Maximale wachttijd: %d dagen\n", n->max_waiting_days);
	printf("  Brede analyse vereist vanaf vorm %d; specialistisch vanaf vorm %d; intensief "
	       "ambulant alternatief vanaf vorm %d\n",
	       n->broad_analysis_from_form, n->specialist_from_form,
	       n->intensive_ambulant_from_form);
	printf("  Aanbod vooraf: hoogstens %d; ter ondersteuning naast jeugdhulp: hoogstens %d\n",
	       n->max_first_offers, n->max_support_offers);
	printf("\nDrempels (ernst 0-4):\n");
	printf("  Normaliseren als alle behoeften ≤ %d en geen signalen\n", t->normalise_max);
	printf("  Jeugdhulp nodig vanaf ernst %d\n", t->youth_care_min);
	printf("  Specialistisch bij psychische gezondheid ≥ %d\n", t->specialist_mental_health);
	printf("  Regie bij %d of meer domeinen op ernst ≥ %d\n", t->coordination_domains,
	       t->youth_care_min);
	printf("\nLevensdomeinen en de hulp die ze beantwoordt:\n");
	for (int d = 0; d < JR_NEED_COUNT; d++)
		printf("  %-22s %s%s%s\n", jr_need_label((enum jr_need)d),
		       jr_domain_kind_label(p->domain_kind[d]),
		       p->domain_kind[d] == JR_DOMAIN_OTHER ? ": " : "",
		       p->domain_kind[d] == JR_DOMAIN_OTHER ? jr_other_help_label(p->domain_other[d])
							    : "");
	printf("\nHulp uit andere domeinen (voor ouder of gezin, geen jeugdhulp):\n");
	for (int h = 0; h < JR_OTHER_COUNT; h++)
		printf("  %-50s %s\n", jr_other_help_label((enum jr_other_help)h),
		       only ? jr_policy_other_name(p, (enum jr_other_help)h, only)
			    : p->other_domains[h].name);
	printf("\nBereik na afloop (wie het dossier nog ziet):\n");
	printf("  Consulent: %d dagen na het sluiten van een hulpvraag van de eigen gemeente\n",
	       p->reach.closed_case_days);
	printf("  Zorgaanbieder: %d dagen na het einde van een toewijzing\n", p->reach.care_ended_days);
	printf("  GI: %d dagen na het einde van een maatregel (alleen inzien)\n",
	       p->reach.measure_ended_days);
}

static int show_cmd(int argc, char **argv)
{
	const char *file = NULL, *code = NULL;
	const struct jr_municipality *only = NULL;
	struct jr_policy *p;
	struct jr_diag diag;
	enum jr_err err;

	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--municipality") == 0 && i + 1 < argc) {
			code = argv[++i];
		} else if (argv[i][0] == '-' && argv[i][1]) {
			jr_cli_error("policy show: onbekende optie \"%s\"; zie jeugdroute policy "
				     "--help",
				     argv[i]);
			return 2;
		} else if (file) {
			jr_cli_error("policy show: geef één beleidsbestand");
			return 2;
		} else {
			file = argv[i];
		}
	}
	if (!file) {
		jr_cli_error("policy show: geef een beleidsbestand; zie jeugdroute policy --help");
		return 2;
	}
	if (code && !jr_cbs_code_valid(code, strlen(code))) {
		jr_cli_error("policy show: --municipality \"%s\" is geen CBS-gemeentecode; verwacht 4 "
			     "cijfers, zoals 0153",
			     code);
		return 2;
	}
	p = jr_malloc(sizeof(*p));
	if (!p) {
		jr_cli_error("onvoldoende geheugen");
		return 1;
	}
	err = jr_policy_load_file(file, p, &diag);
	if (err) {
		jr_cli_error("%s: %s: %s", file, diag.path, diag.message);
		goto out;
	}
	if (code) {
		only = jr_policy_municipality(p, code);
		if (!only) {
			jr_cli_error("%s: gemeente %s hoort niet bij regio %s", file, code, p->name);
			err = JR_ERR_NOT_FOUND;
			goto out;
		}
	}
	show(p, only);
out:
	jr_free(p);
	return jr_err_exit_status(err);
}

int jr_cmd_policy(const struct jr_cli_command *self, int argc, char **argv)
{
	(void)self; /* flags 0: it reads the policy files it is given, not --policy-dir */
	if (argc < 2) {
		fputs(jr_usage_policy, stderr);
		return 2;
	}
	if (strcmp(argv[1], "check") == 0)
		return check(argc - 2, argv + 2);
	if (strcmp(argv[1], "show") == 0)
		return show_cmd(argc - 2, argv + 2);
	jr_cli_error("policy: onbekende opdracht \"%s\"; kies check of show", argv[1]);
	return 2;
}
