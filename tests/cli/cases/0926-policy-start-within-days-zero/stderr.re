broken\.json: \$\.norms\.start_within_days
