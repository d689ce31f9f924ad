length == 3
 and .[0].id == "a" and .[0].municipality.regime == "product"
 and .[1].id == "b" and .[1].municipality.regime == "generic"
 and .[2].id == "c" and .[2].error.field == "date"
 and (.[2].error.message | test("geen beleid voor deze gemeente \\(0351\\) op 2017-05-05"))
