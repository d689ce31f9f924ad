forms[0] == 9 and (forms | index([3])) < (forms | index([5])) and home_first_but_secure
