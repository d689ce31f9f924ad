broken\.json: \$\.domains: ontbreekt
