.criteria == ["name"] and ([.results[].given_names] == ["Anna", "Sanne Émilie"]) and .count == 2 and .more == false and (.results[0].municipality == "0153") and (.results[0].age >= 10)
