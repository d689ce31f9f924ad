(forms | index([7])) == null and (yc | length) > 0 and any(.options[]; .help == "income_support") and whys_ok
