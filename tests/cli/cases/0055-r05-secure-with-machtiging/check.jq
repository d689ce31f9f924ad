.framework == "compulsory" and forms[0] == 9 and option(9).contracting == "regional" and home_first_but_secure
