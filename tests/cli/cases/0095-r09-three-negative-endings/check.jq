.options[0].kind == "coordination" and (codes | index(["hopping"])) != null
