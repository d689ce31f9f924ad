.options[0].regime == "generic" and .options[0].contracting == "local"
 and (.options[0] | has_req("product_code") or has_req("result_description") | not)
