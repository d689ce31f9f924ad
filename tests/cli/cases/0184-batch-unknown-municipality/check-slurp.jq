length == 2 and .[0].id == "x" and .[0].error.field == "municipality" and .[1].municipality.code == "0153"
