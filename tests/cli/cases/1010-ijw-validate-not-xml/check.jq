.bericht == null and .valid == false and (.problems[0] | .rule == "XML" and .line == 3 and .message == "geen geldige XML: eindtag past niet bij de begintag")
