het einde van de keten klopt niet: 4 regels, audit_head noemt er 5
