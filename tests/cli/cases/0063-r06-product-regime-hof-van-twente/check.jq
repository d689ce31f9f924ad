.municipality.name == "Hof van Twente" and .options[0].regime == "product" and (.options[0] | has_req("product_code"))
