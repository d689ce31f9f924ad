veld municipality
