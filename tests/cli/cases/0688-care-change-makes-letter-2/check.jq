[.letters[].sequence] == [1, 2] and [.letters[].kind] == ["allocation", "change"] and .letters[0].sha256 != .letters[1].sha256
