(forms | length) > 0 and (forms | min) >= 4
