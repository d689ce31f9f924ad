.contract_id == 1 and .product_code == "45A04" and .level == null and .amount == "95.00" and .amount_cents == 9500 and .unit == "uur" and .valid_from == "2024-01-01" and .valid_to == "2024-12-31"
