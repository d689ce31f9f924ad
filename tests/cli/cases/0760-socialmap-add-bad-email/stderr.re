veld email
