.criteria == ["bsn"] and [.results[].id] == [2]
