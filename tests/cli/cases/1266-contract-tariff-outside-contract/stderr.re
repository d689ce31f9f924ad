veld valid_from: 
