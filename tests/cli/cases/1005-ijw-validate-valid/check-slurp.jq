length == 1 and (.[0] | .bericht == "JW305" and .valid == true and (.file | endswith("/start.xml")) and has("problems") == false)
