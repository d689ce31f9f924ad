(forms | index([9])) != null and home_first
