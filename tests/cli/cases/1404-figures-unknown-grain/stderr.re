veld grain
