.framework == "compulsory" and .options[0].form == 10 and option(10).jz020 == "47" and option(10).contracting == "regional"
