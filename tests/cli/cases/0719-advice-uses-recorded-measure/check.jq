.framework == "compulsory" and .options[0].form == 10
