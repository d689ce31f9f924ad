.options[0].kind == "social_base" and whys_ok
