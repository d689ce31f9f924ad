/* api: the handlers of the JSON API under /api/v1/, the system endpoints, and the route table
 * that ties them to methods and paths (api.c). One file per group of resources:
 * api_auth.c (login, logout, me), api_system.c (health, OpenAPI, the UI's own files),
 * api_route.c (the routing engine), api_persons.c (a person, who is involved, the access log),
 * api_households.c (a family's page and a child's timeline), api_course.c (help requests and
 * their course), api_care.c (referrals, allocations, care; the providers), api_signals.c (the
 * signals of one's municipality), api_figures.c (the regional figures), api_admin.c (contract
 * management, users and organisations), api_socialmap.c (the social map), api_vocabulary.c
 * (the words the screens show: the region's, the iJw standard's, the records').
 * Every handler authorises with app/access.h before it reads; the store audits. */
#ifndef JR_HTTP_API_H
#define JR_HTTP_API_H

#include <stdbool.h>
#include <stddef.h>

#include "http/router.h"

extern const struct jr_http_route jr_api_routes[];
extern const size_t jr_api_route_count;

/* api_vocabulary.c */
int jr_api_vocabulary(struct jr_http_request *r);

/* api_auth.c */
int jr_api_login(struct jr_http_request *r);
int jr_api_logout(struct jr_http_request *r);
int jr_api_me(struct jr_http_request *r);
/* api_second_factor.c: the second factor of a login */
int jr_api_login_second_factor(struct jr_http_request *r);
int jr_api_me_second_factor(struct jr_http_request *r);
int jr_api_me_second_factor_begin(struct jr_http_request *r);
int jr_api_me_second_factor_confirm(struct jr_http_request *r);
int jr_api_user_second_factor_reset(struct jr_http_request *r);
/* api_organisations.c: the administrator's organisations and users' details */
int jr_api_organisation_add(struct jr_http_request *r);
int jr_api_organisation_get(struct jr_http_request *r);
int jr_api_organisation_update(struct jr_http_request *r);
int jr_api_organisation_deactivate(struct jr_http_request *r);
int jr_api_organisation_activate(struct jr_http_request *r);
int jr_api_user_details(struct jr_http_request *r);

/* api_system.c */
int jr_api_healthz(struct jr_http_request *r);
int jr_api_openapi(struct jr_http_request *r);
/* Answers a GET of a file of the browser UI under r->web_dir ("/" is index.html); false
 * (nothing answered) when the path is not such a file. */
bool jr_api_static(struct jr_http_request *r);

/* api_route.c */
int jr_api_route(struct jr_http_request *r);

/* api_persons.c */
int jr_api_person_get(struct jr_http_request *r);
int jr_api_person_find(struct jr_http_request *r);
int jr_api_person_involvement(struct jr_http_request *r);
int jr_api_person_access_log(struct jr_http_request *r);
/* api_search.c */
int jr_api_person_search(struct jr_http_request *r);

/* api_ijw.c */
int jr_api_ijw_message(struct jr_http_request *r);
int jr_api_ijw_allocations(struct jr_http_request *r);

/* api_households.c */
int jr_api_households_mine(struct jr_http_request *r);
int jr_api_household_get(struct jr_http_request *r);
int jr_api_person_timeline(struct jr_http_request *r);

/* api_course.c */
int jr_api_help_requests_list(struct jr_http_request *r);
int jr_api_help_request_add(struct jr_http_request *r);
int jr_api_help_request_analysis(struct jr_http_request *r);
int jr_api_help_request_goal(struct jr_http_request *r);
int jr_api_help_request_light_option(struct jr_http_request *r);
int jr_api_help_request_advice(struct jr_http_request *r);
int jr_api_help_request_move(struct jr_http_request *r);

/* api_care.c */
int jr_api_referrals_list(struct jr_http_request *r);
int jr_api_referral_add(struct jr_http_request *r);
int jr_api_referral_get(struct jr_http_request *r);
int jr_api_referral_choices(struct jr_http_request *r);
/* api_referrals.c: the local team's side of a referral (issue 15 point 1) */
int jr_api_help_request_referrals(struct jr_http_request *r);
int jr_api_referral_answer(struct jr_http_request *r);
int jr_api_allocation_add(struct jr_http_request *r);
int jr_api_allocation_choices(struct jr_http_request *r);
int jr_api_allocations_list(struct jr_http_request *r);
int jr_api_care_start(struct jr_http_request *r);
int jr_api_care_stop(struct jr_http_request *r);
/* api_provider_work.c */
int jr_api_provider_worklist(struct jr_http_request *r);
int jr_api_allocation_claim_form(struct jr_http_request *r);
int jr_api_allocation_claim(struct jr_http_request *r);
int jr_api_allocation_change(struct jr_http_request *r);
int jr_api_providers_list(struct jr_http_request *r);
int jr_api_measures_list(struct jr_http_request *r);
int jr_api_measure_add(struct jr_http_request *r);
int jr_api_measure_get(struct jr_http_request *r);
int jr_api_measure_extend(struct jr_http_request *r);
int jr_api_measure_authorise(struct jr_http_request *r);

/* api_admin.c */
int jr_api_provider_status(struct jr_http_request *r);
int jr_api_users_list(struct jr_http_request *r);
int jr_api_user_add(struct jr_http_request *r);
int jr_api_user_get(struct jr_http_request *r);
int jr_api_user_deactivate(struct jr_http_request *r);
int jr_api_user_activate(struct jr_http_request *r);
int jr_api_user_role(struct jr_http_request *r);
int jr_api_user_password_reset(struct jr_http_request *r);
int jr_api_user_tokens_list(struct jr_http_request *r);
int jr_api_user_token_add(struct jr_http_request *r);
int jr_api_user_token_revoke(struct jr_http_request *r);
int jr_api_password_change(struct jr_http_request *r);
int jr_api_organisations_list(struct jr_http_request *r);
int jr_api_contracts_list(struct jr_http_request *r);
int jr_api_contract_add(struct jr_http_request *r);
/* api_contract.c: the contract manager at work (issue 15 point 4) */
int jr_api_contract_get(struct jr_http_request *r);
int jr_api_contract_edit(struct jr_http_request *r);
int jr_api_contract_end(struct jr_http_request *r);
int jr_api_contract_tariffs(struct jr_http_request *r);
int jr_api_contract_tariff_add(struct jr_http_request *r);
int jr_api_provider_budget(struct jr_http_request *r);
int jr_api_provider_budget_set(struct jr_http_request *r);
int jr_api_provider_capacity(struct jr_http_request *r);
int jr_api_provider_capacity_set(struct jr_http_request *r);

/* api_socialmap.c */
int jr_api_socialmap(struct jr_http_request *r);

/* api_figures.c */
int jr_api_figures(struct jr_http_request *r);
/* api_scenario.c (issue 16) */
int jr_api_scenario(struct jr_http_request *r);

/* api_monitor.c (issue 16) */
int jr_api_monitor_targets(struct jr_http_request *r);
int jr_api_monitor_costs(struct jr_http_request *r);
int jr_api_monitor_waiting(struct jr_http_request *r);
int jr_api_monitor_capacity(struct jr_http_request *r);

/* api_signals.c */
int jr_api_signals(struct jr_http_request *r);

/* api_casefile.c */
int jr_api_help_request_case(struct jr_http_request *r);
int jr_api_help_request_evaluation_add(struct jr_http_request *r);
int jr_api_household_coordinators(struct jr_http_request *r);
int jr_api_household_coordinator(struct jr_http_request *r);

/* api_journal.c */
int jr_api_help_request_notes(struct jr_http_request *r);
/* api_letter.c: the decision letters of an allocation */
int jr_api_allocation_letters(struct jr_http_request *r);
int jr_api_allocation_letter(struct jr_http_request *r);
int jr_api_help_request_note_add(struct jr_http_request *r);

/* Answers 403 unless the principal has `cap`; 0 when it has. */
int jr_api_require(struct jr_http_request *r, int cap);

/* api_deadlines.c */
int jr_api_help_request_deadlines(struct jr_http_request *r);
/* api_worklist.c (issue 14 point 2; the work list itself is jr_api_help_requests_list) */
int jr_api_help_request_assignees(struct jr_http_request *r);
int jr_api_help_request_assign(struct jr_http_request *r);

#endif
