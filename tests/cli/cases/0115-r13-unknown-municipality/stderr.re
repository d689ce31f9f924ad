municipality
9999
