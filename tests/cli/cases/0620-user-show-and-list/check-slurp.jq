[.[] | .username] == ["admin", "anna.b"] and .[1].organisation_id == 1 and .[1].role == "consulent" and ([.[] | has("password") or has("password_hash")] | any | not)
