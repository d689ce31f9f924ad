.options[0].form == 8 and .options[1].kind == "coordination" and (codes | index(["hopping"])) != null
