.options[0].form == 8 and (.options[0].crisis_service.name | test("plaatshouder"))
 and .options[1].form == 4 and .options[1].urgent == true and .options[1].regime == "generic"
 and whys_ok
