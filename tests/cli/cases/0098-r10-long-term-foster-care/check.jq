(forms | index([6])) != null and home_first
