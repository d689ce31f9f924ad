[.[] | select(.code == "hopping")] | length == 1 and (.[0].subject.child_id == 1) and ([.[] | .why | test("regel 9")] | any)
