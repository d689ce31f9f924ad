.population.accepted == 3
and .total.youth_care.base == null and .total.youth_care.difference == null
and (.municipalities[] | select(.code == "0153") | .requests == null and .youth_care.base == null)
and ([.forms[].allocations.base | select(. != null and . > 0 and . < 5)] | length) == 0
and ([.municipalities[].forms[].allocations.base | select(. != null and . > 0 and . < 5)] | length) == 0
