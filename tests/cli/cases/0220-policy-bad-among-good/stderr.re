broken\.json: \$\.region
