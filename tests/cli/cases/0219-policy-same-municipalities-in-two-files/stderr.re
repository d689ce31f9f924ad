copy\.json
0141
