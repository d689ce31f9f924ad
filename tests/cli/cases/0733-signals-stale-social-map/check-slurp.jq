[.[] | select(.code == "stale_social_map")] | length == 1 and .[0].subject.entry_id == 2 and (.[0].why | test("social_map_stale_days"))
