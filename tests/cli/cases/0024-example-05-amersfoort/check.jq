.municipality.region == "Amersfoort" and .options[0].kind == "no_referral"
 and all(yc[]; .regime == "generic") and (codes | index(["connect"])) != null and whys_ok
