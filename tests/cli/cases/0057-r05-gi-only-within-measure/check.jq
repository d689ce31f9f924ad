(yc | length) > 0 and all(yc[]; .allowed_referrers | index(["04"]) == null)
