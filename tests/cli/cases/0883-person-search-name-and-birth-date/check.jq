.criteria == ["name", "birth_date"] and [.results[].given_names] == ["Anna"]
