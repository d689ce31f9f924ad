veld end: de einddatum ligt voor de begindatum
