veld type
