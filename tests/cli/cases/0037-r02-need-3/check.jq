(yc | length) > 0 and .options[0].kind == "youth_care" and any(yc[]; .why | test("regel 2")) and whys_ok
