.region == "twente" and .outcomes == "nee" and .resamples == 200
and .population.read == 240
and (.population.accepted + .population.refused + .population.outside_region + .population.not_in_scenario) == .population.read
and .population.accepted == .total.requests and .population.outside_region > 0
# a lower threshold: more youth care, less light help, and form 1 gains
and .total.youth_care.difference.value > 0
and .total.youth_care.scenario.value > .total.youth_care.base.value
and (.total.youth_care.scenario | .p5 <= .p50 and .p50 <= .p95)
and (.forms | length) == 12
and (.forms[0] | .kind == "light" and .allocations.difference < 0)
and (.municipalities | length) == 14
and ([.municipalities[].requests | select(. != null)] | add) <= .total.requests
