[.results[] | .family_name + ", " + .given_names] == ["de Vries, Anna", "de Vries, Sanne Émilie", "Vriesema, Daan"]
