(yc | length) >= 1 and all(yc[] | select(.form <= 4); .regime == "product" and has_req("product_code") and (has_req("result_description") | not))
