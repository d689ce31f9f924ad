veld q
