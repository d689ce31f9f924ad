.options[0].kind == "youth_care" and (forms | index([2])) != null and (option(2).why | test("school \\(3\\)")) and whys_ok
