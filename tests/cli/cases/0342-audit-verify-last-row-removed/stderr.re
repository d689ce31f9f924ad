het einde van de keten klopt niet: 5 regels, audit_head noemt er 6
