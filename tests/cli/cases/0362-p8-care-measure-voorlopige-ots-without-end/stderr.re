veld end: .*geef de einddatum
