length == 2 and (map(.product_code) == ["45A03","45A04"]) and .[0].amount == "80.50"
