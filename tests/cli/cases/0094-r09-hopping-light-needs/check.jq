(codes | index(["hopping"])) != null and .options[0].kind == "coordination"
