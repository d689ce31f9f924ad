.framework == "compulsory" and .options[0].kind == "coordination" and .options[1].form == 10 and (codes | index(["hopping"])) != null
