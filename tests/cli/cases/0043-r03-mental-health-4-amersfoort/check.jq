(forms | length) > 0 and (forms | min) >= 4 and all(yc[] | select(.form <= 4); .regime == "generic")
