veld age
