^jeugdroute: user add: organisatie niet gevonden$
