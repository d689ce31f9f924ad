.municipality.region == "Amersfoort" and .municipality.regime == "product"
 and all(.options[]; .kind != "no_referral") and .options[0].kind == "youth_care"
 and all(yc[]; .regime == "product" and (has("provider") | not) and has_req("product_code"))
 and (codes | index(["connect"])) == null and whys_ok
