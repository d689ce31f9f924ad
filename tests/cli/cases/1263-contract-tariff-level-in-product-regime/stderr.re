veld level: .*resultaatgericht
