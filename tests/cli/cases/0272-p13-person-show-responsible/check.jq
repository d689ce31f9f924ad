.municipality == "0153" and .responsible_municipality == {code: "0164", basis: "residence_before_stay"} and has("notices") == false
