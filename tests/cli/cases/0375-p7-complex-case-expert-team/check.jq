([.options[] | select(.kind == "coordination")][0].why | test("Regionaal Expertteam|expertteam|Expertteam")) and (codes | index(["hopping"])) == null and whys_ok
