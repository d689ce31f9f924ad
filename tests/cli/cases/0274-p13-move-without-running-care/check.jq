.municipality == "0141" and .responsible_municipality == {code: "0141", basis: "residence"} and has("notices") == false
