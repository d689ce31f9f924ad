.municipality.regime == "product" and .options[0].kind == "youth_care"
 and all(yc[] | select(.form <= 4); .contracting == "local" and .regime == "product" and has_req("product_code") and (has_req("result_description") | not))
 and .referral_check.valid == true and whys_ok
