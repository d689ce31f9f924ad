.allocation_id == 1 and (.letters | length) == 1 and .letters[0].sequence == 1 and .letters[0].kind == "allocation" and (.letters[0].sha256 | test("^[0-9a-f]{64}$"))
