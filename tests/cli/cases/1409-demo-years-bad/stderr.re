veld years
