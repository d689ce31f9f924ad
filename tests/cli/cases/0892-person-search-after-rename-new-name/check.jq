[.results[] | .family_name + ", " + .given_names] == ["Bakker, Daan"]
