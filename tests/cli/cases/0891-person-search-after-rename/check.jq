[.results[].given_names] == ["Anna", "Sanne Émilie"]
