.bericht == null and .valid == false and (.problems[0] | .rule == "XML" and .line == 2 and .path == null and (.message | test("DOCTYPE")))
