/* api: the route table of the server (api.h). The OpenAPI document (api_system.c) describes
 * these routes; a test checks that every one answers as documented. */
#include "http/api.h"

#include "app/access.h"

const struct jr_http_route jr_api_routes[] = {
	{"GET", "/healthz", jr_api_healthz, JR_HTTP_ROUTE_PUBLIC},
	{"GET", "/api/v1/openapi.json", jr_api_openapi, JR_HTTP_ROUTE_PUBLIC},
	{"POST", "/api/v1/login", jr_api_login, JR_HTTP_ROUTE_PUBLIC_FIRST_READS},
	{"POST", "/api/v1/logout", jr_api_logout, JR_HTTP_ROUTE_SELF},
	{"GET", "/api/v1/me", jr_api_me, JR_HTTP_ROUTE_SELF},
	{"POST", "/api/v1/me/password", jr_api_password_change, JR_HTTP_ROUTE_SELF},
	{"POST", "/api/v1/route", jr_api_route, JR_HTTP_ROUTE_LOGIN},
	{"GET", "/api/v1/persons", jr_api_person_find, JR_HTTP_ROUTE_LOGIN},
	{"GET", "/api/v1/persons/{id}", jr_api_person_get, JR_HTTP_ROUTE_LOGIN},
	{"GET", "/api/v1/persons/{id}/involvement", jr_api_person_involvement, JR_HTTP_ROUTE_LOGIN},
	{"GET", "/api/v1/persons/{id}/access-log", jr_api_person_access_log, JR_HTTP_ROUTE_LOGIN},
	{"GET", "/api/v1/persons/{id}/timeline", jr_api_person_timeline, JR_HTTP_ROUTE_LOGIN},
	{"GET", "/api/v1/households", jr_api_households_mine, JR_HTTP_ROUTE_LOGIN},
	{"GET", "/api/v1/households/{id}", jr_api_household_get, JR_HTTP_ROUTE_LOGIN},
	{"GET", "/api/v1/help-requests", jr_api_help_requests_list, JR_HTTP_ROUTE_LOGIN},
	{"POST", "/api/v1/help-requests", jr_api_help_request_add, JR_HTTP_ROUTE_LOGIN},
	{"GET", "/api/v1/help-requests/assignees", jr_api_help_request_assignees,
	 JR_HTTP_ROUTE_LOGIN},
	{"POST", "/api/v1/help-requests/{id}/assignee", jr_api_help_request_assign,
	 JR_HTTP_ROUTE_LOGIN},
	{"GET", "/api/v1/help-requests/{id}", jr_api_help_request_case, JR_HTTP_ROUTE_LOGIN},
	{"POST", "/api/v1/help-requests/{id}/analysis", jr_api_help_request_analysis, JR_HTTP_ROUTE_LOGIN},
	{"POST", "/api/v1/help-requests/{id}/goals", jr_api_help_request_goal, JR_HTTP_ROUTE_LOGIN},
	{"POST", "/api/v1/help-requests/{id}/light-options", jr_api_help_request_light_option,
	 JR_HTTP_ROUTE_LOGIN},
	{"POST", "/api/v1/help-requests/{id}/advice", jr_api_help_request_advice, JR_HTTP_ROUTE_LOGIN},
	{"POST", "/api/v1/help-requests/{id}/move", jr_api_help_request_move, JR_HTTP_ROUTE_LOGIN},
	{"POST", "/api/v1/help-requests/{id}/allocations", jr_api_allocation_add, JR_HTTP_ROUTE_LOGIN},
	{"GET", "/api/v1/help-requests/{id}/allocation-choices", jr_api_allocation_choices,
	 JR_HTTP_ROUTE_LOGIN},
	{"GET", "/api/v1/referrals", jr_api_referrals_list, JR_HTTP_ROUTE_LOGIN},
	{"POST", "/api/v1/referrals", jr_api_referral_add, JR_HTTP_ROUTE_LOGIN},
	{"GET", "/api/v1/referrals/choices", jr_api_referral_choices, JR_HTTP_ROUTE_LOGIN},
	{"GET", "/api/v1/referrals/{id}", jr_api_referral_get, JR_HTTP_ROUTE_LOGIN},
	{"GET", "/api/v1/allocations", jr_api_allocations_list, JR_HTTP_ROUTE_LOGIN},
	/* issue 15 point 2: the provider at work (api_provider_work.c) */
	{"GET", "/api/v1/allocations/worklist", jr_api_provider_worklist, JR_HTTP_ROUTE_LOGIN},
	{"POST", "/api/v1/allocations/{id}/start", jr_api_care_start, JR_HTTP_ROUTE_LOGIN},
	{"POST", "/api/v1/allocations/{id}/stop", jr_api_care_stop, JR_HTTP_ROUTE_LOGIN},
	{"POST", "/api/v1/allocations/{id}/change", jr_api_allocation_change, JR_HTTP_ROUTE_LOGIN},
	{"GET", "/api/v1/providers", jr_api_providers_list, JR_HTTP_ROUTE_LOGIN},
	{"GET", "/api/v1/measures", jr_api_measures_list, JR_HTTP_ROUTE_LOGIN},
	{"POST", "/api/v1/measures/{id}/extensions", jr_api_measure_extend, JR_HTTP_ROUTE_LOGIN},
	{"POST", "/api/v1/measures/{id}/authorisations", jr_api_measure_authorise,
	 JR_HTTP_ROUTE_LOGIN},
	{"GET", "/api/v1/signals", jr_api_signals, JR_HTTP_ROUTE_LOGIN},
	{"GET", "/api/v1/figures", jr_api_figures, JR_HTTP_ROUTE_LOGIN},
	{"POST", "/api/v1/providers/{id}/status", jr_api_provider_status, JR_HTTP_ROUTE_LOGIN},
	{"GET", "/api/v1/providers/{id}/contracts", jr_api_contracts_list, JR_HTTP_ROUTE_LOGIN},
	{"POST", "/api/v1/providers/{id}/contracts", jr_api_contract_add, JR_HTTP_ROUTE_LOGIN},
	{"GET", "/api/v1/users", jr_api_users_list, JR_HTTP_ROUTE_LOGIN},
	{"POST", "/api/v1/users", jr_api_user_add, JR_HTTP_ROUTE_LOGIN},
	{"GET", "/api/v1/users/{id}", jr_api_user_get, JR_HTTP_ROUTE_LOGIN},
	{"POST", "/api/v1/users/{id}/deactivate", jr_api_user_deactivate, JR_HTTP_ROUTE_LOGIN},
	{"POST", "/api/v1/users/{id}/activate", jr_api_user_activate, JR_HTTP_ROUTE_LOGIN},
	{"POST", "/api/v1/users/{id}/role", jr_api_user_role, JR_HTTP_ROUTE_LOGIN},
	{"POST", "/api/v1/users/{id}/password", jr_api_user_password_reset, JR_HTTP_ROUTE_LOGIN},
	{"GET", "/api/v1/users/{id}/tokens", jr_api_user_tokens_list, JR_HTTP_ROUTE_LOGIN},
	{"POST", "/api/v1/users/{id}/tokens", jr_api_user_token_add, JR_HTTP_ROUTE_LOGIN},
	{"DELETE", "/api/v1/users/{id}/tokens/{id}", jr_api_user_token_revoke, JR_HTTP_ROUTE_LOGIN},
	{"GET", "/api/v1/organisations", jr_api_organisations_list, JR_HTTP_ROUTE_LOGIN},
	{"GET", "/api/v1/socialmap", jr_api_socialmap, JR_HTTP_ROUTE_LOGIN},
	{"GET", "/api/v1/vocabulary", jr_api_vocabulary, JR_HTTP_ROUTE_LOGIN},
	{"POST", "/api/v1/ijw/messages", jr_api_ijw_message, JR_HTTP_ROUTE_LOGIN},
	{"GET", "/api/v1/ijw/allocations", jr_api_ijw_allocations, JR_HTTP_ROUTE_LOGIN},
	{"GET", "/api/v1/help-requests/{id}/deadlines", jr_api_help_request_deadlines,
	 JR_HTTP_ROUTE_LOGIN},
	{"GET", "/api/v1/help-requests/{id}/notes", jr_api_help_request_notes, JR_HTTP_ROUTE_LOGIN},
	{"POST", "/api/v1/help-requests/{id}/notes", jr_api_help_request_note_add,
	 JR_HTTP_ROUTE_LOGIN},
	{"POST", "/api/v1/persons/search", jr_api_person_search, JR_HTTP_ROUTE_LOGIN},
	/* issue 14 point 6: the case page (api_casefile.c) */
	{"POST", "/api/v1/help-requests/{id}/evaluations", jr_api_help_request_evaluation_add,
	 JR_HTTP_ROUTE_LOGIN},
	{"GET", "/api/v1/households/{id}/coordinators", jr_api_household_coordinators,
	 JR_HTTP_ROUTE_LOGIN},
	{"POST", "/api/v1/households/{id}/coordinator", jr_api_household_coordinator,
	 JR_HTTP_ROUTE_LOGIN},
	/* issue 14 point 5: the decision letters of an allocation (api_letter.c) */
	{"GET", "/api/v1/allocations/{id}/letters", jr_api_allocation_letters, JR_HTTP_ROUTE_LOGIN},
	{"GET", "/api/v1/allocations/{id}/letters/{id}", jr_api_allocation_letter,
	 JR_HTTP_ROUTE_LOGIN},
};
const size_t jr_api_route_count = sizeof(jr_api_routes) / sizeof(jr_api_routes[0]);

int jr_api_require(struct jr_http_request *r, int cap)
{
	if (jr_app_access_may(&r->who, (enum jr_capability)cap))
		return 0;
	return jr_reply_error(r, 403, "forbidden", NULL,
			      "uw rol geeft geen toegang tot dit onderdeel");
}
