(forms | length) == 0 or (forms | min) < 4
