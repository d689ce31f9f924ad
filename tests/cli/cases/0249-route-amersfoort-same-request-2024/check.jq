.municipality.regime == "generic" and (yc | length) > 0
 and all(yc[]; .regime == "generic" and .provider == "MetMaya" and (has_req("product_code") | not))
 and whys_ok
