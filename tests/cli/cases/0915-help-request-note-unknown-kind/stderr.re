veld kind: kies de soort notitie
