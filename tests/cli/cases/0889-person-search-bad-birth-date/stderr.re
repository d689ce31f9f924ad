veld birth_date: .*JJJJ-MM-DD
