veld option
