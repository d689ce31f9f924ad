(forms | any(. >= 5)) and (forms | any(. <= 4))
 and all(yc[] | select(.form >= 5); .contracting == "regional" and ((has("regime") | not) or .regime == null))
 and all(yc[] | select(.form <= 4); .contracting == "local" and .regime == "result" and has_req("result_description"))
