broken\.json: \$\.forms\[0\]\.jz020
99
