(codes | index(["hopping"])) != null and .options[0].kind == "coordination" and (signal("hopping").why | test("regel 9")) and whys_ok
