.population.read == 23 and .population.refused == 2
and .population.outside_region >= 1
and (.population.accepted + .population.refused + .population.outside_region + .population.not_in_scenario) == 23
