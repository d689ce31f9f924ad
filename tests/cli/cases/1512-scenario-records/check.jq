.outcomes == "ja" and .population.read > 0
and (.population.accepted + .population.refused + .population.outside_region + .population.not_in_scenario) == .population.read
and ([.forms[] | select(.history) | .history | .realised <= .advised] | all)
and (.total.costs | type) == "object" and (.total.tariffs_source | test("^de contracten: gemiddelde verwachte kosten per toewijzing in 2026"))
