(forms | index([2])) != null and all(yc[]; has_req("broad_analysis") | not)
 and (codes | index(["broad_analysis_after"])) != null and (signal("broad_analysis_after").why | test("maatregel"))
