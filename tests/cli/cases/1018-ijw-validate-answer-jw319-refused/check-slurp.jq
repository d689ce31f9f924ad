length == 1 and (.[0] | .bericht == "JW319" and .valid == false and .problems[0].rule == "CD085" and .problems[0].at == "message" and (.answer | test("/JW320-R[0-9a-f]{11}\\.xml$")))
