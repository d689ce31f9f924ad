(yc | length) >= 3 and no_06
