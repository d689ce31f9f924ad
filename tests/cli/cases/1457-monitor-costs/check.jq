. as $r
| (.tables | map(.name)) == ["costs_municipality", "costs_municipality_form", "costs_provider"]
and (.tables[0].rows | length) == 15
and .tables[0].rows[-1].municipality == "regio"
and (.tables[0].rows[-1].budget - ([$r.tables[0].rows[:-1][] | .budget] | add) | fabs) < 0.01
and (.tables[0].rows[] | select(.municipality == "0153") | .budget) == 82000000 * 1.03
and .tables[0].rows[-1].expected > 0
and all(.tables[1].rows[], .tables[2].rows[]; .allocations == null or .allocations == 0 or .allocations > 4)
and all(.tables[0].rows[]; .allocations == null or .allocations == 0 or .allocations > 4)
and ([.tables[1].rows[] | select(.allocations == null)] | length) != 1
