(forms | index([2])) != null and all(yc[]; has_req("broad_analysis"))
