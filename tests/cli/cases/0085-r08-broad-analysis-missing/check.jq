(forms | any(. >= 3)) and all(yc[] | select(.form >= 3); has_req("broad_analysis"))
 and all(yc[] | select(.form < 3); has_req("broad_analysis") | not) and (codes | index(["broad_analysis"])) != null
