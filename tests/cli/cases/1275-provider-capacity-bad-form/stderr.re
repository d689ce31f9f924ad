veld form: 
