.municipality == "0164" and .responsible_basis == "residence_before_stay" and .residence_municipality == "0153"
