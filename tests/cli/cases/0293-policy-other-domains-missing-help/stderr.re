broken\.json: \$\.other_domains: mist "debt_help"
