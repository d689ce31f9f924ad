.framework == "compulsory" and (forms | index([9])) != null and option(9).contracting == "regional" and home_first
