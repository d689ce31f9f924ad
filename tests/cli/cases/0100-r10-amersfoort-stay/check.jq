(forms | index([5])) != null and home_first
