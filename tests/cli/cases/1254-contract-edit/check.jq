.id == 1 and .version == 2 and .product_codes == "45A03,45A04,45A05" and .tariff == "81.25" and .unit == "uur" and .end == null and .region == "twente" and .municipality == "0141"
