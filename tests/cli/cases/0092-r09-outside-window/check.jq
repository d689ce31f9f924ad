(codes | index(["hopping"])) == null
