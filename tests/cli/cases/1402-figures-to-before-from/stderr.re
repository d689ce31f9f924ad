veld from
