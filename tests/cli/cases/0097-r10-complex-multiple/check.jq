(forms | index([7])) != null and home_first
