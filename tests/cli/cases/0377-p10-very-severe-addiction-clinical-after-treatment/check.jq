forms[0:2] == [4, 7] and home_first and whys_ok
