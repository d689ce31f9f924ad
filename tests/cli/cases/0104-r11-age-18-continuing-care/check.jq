.eligible == true and (yc | length) > 0 and (codes | index(["continuation"])) != null
