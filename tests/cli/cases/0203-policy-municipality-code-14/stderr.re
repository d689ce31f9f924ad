broken\.json: \$\.municipalities\[0\]\.code
"14"|4 cijfers
