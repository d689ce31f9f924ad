broken\.json: \$\.norms\.age_limit
.
