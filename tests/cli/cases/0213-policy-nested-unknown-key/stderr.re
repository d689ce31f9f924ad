broken\.json: \$\.norms\.hopping_days
hopping_days
