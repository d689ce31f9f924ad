broken\.json: \$\.forms\[0\]\.form
[0-9]
