length == 2 and (.[0].stale == false) and (.[1].stale == true) and (.[0].needs == ["behaviour","social"])
