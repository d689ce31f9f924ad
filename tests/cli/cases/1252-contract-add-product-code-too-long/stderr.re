veld product_codes: 
