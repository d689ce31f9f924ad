veld birth_date
