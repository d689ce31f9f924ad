[.municipalities[] | select(.regime.base != .regime.scenario) | .name] == ["Almelo", "Hof van Twente"] and ([.municipalities[].regime.scenario] | unique) == ["result"]
