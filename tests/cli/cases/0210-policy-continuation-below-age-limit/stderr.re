broken\.json: \$\.norms\.continuation_until
age_limit|18
