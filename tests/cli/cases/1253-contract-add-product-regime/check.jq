.region == "twente" and .municipality == "0141" and .product_codes == "45A03,45A04" and .version == 1
