[.results[].id] == [1]
