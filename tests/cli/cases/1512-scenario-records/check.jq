.outcomes == "ja" and .population.read > 0
and (.population.accepted + .population.refused + .population.outside_region + .population.not_in_scenario) == .population.read
and ([.forms[] | select(.history) | .history | .realised <= .advised] | all)
