(yc | length) > 0 and .options[0].kind == "youth_care" and whys_ok
