.bericht == null and .valid == false and (.problems[0] | .rule == "XSD" and .path == "/Bericht" and (.message | startswith("onbekend bericht: namespace")))
