municipality
0153
