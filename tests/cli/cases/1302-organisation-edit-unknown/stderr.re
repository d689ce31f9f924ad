^jeugdroute: organisation: veld id: organisatie niet gevonden$
