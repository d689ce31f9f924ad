.level == 3 and .product_code == null and .amount == "1200.00" and .unit == "stuks"
