.municipality == "0141" and .forms == [1,2,3] and .tariff == "65.50" and .end == "2024-12-31" and .product_codes == "45A01,45A02" and .capacity == null
