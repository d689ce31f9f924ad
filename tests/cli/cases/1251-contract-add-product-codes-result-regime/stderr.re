veld product_codes: .*productgericht
