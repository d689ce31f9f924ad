(.options | length) > 0 and all(.options[]; .kind == "social_base") and yc == [] and whys_ok
 and all(.options[]; .why | test("regel 1"))
