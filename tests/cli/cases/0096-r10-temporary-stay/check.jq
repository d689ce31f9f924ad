(forms | index([5])) != null and home_first and (option(5).why | test("regel 10"))
