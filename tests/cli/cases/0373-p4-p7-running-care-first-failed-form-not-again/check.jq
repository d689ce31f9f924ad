.options[0].form == 3 and (.options[0].why | test("loopt al sinds 2026-07-01")) and (option(3) | has_req("broad_analysis") | not) and (forms | index([2])) == null and whys_ok
