[.[] | select(.code == "waiting" and .since == "2026-02-01")] | length == 1
