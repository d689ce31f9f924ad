.municipality.regime == "result" and .options[0].contracting == "local" and .options[0].regime == "result"
 and (.options[0] | has_req("result_description")) and (.options[0] | has_req("product_code") | not)
