(forms | length) > 0 and (forms | index([9])) == null
