broken\.json: \$\.municipalities\[1\]\.code
0141
