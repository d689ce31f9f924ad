veld year: 
