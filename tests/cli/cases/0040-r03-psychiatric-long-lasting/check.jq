(forms | length) > 0 and (forms | min) >= 4 and whys_ok
