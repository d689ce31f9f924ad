(forms | any(. >= 3)) and all(yc[]; has_req("broad_analysis") | not) and (codes | index(["broad_analysis"])) == null
