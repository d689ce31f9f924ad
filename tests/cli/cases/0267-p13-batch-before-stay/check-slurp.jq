length == 3 and .[0].responsible_municipality.code == "0164" and .[0].municipality.name == "Hengelo"
 and .[1].id == "b" and .[1].error.field == "residence_before_stay"
 and .[2].responsible_municipality.code == "0153" and .[2].responsible_municipality.basis == "residence"
