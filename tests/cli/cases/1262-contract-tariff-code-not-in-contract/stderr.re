veld product_code: productcode 45A09 staat niet in dit contract
