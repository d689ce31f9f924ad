regel 2 ontbreekt
