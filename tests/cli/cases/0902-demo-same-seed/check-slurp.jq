[.[] | .code] | length > 0
