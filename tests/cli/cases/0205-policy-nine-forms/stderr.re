broken\.json: \$\.forms
9
