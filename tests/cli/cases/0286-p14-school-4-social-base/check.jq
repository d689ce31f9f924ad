(yc | length) == 0 and .options[0].kind == "social_base" and any(.options[]; .category == "school")
 and (.options[0].why | test("school \\(4\\) vraagt om sociale basis") and test("domains\\.school = social_base"))
 and whys_ok
