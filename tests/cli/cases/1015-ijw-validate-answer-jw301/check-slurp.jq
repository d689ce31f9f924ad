length == 1 and (.[0] | .bericht == "JW301" and .valid == true and (.answer | test("/JW302-R[0-9a-f]{11}\\.xml$")))
