^jeugdroute: organisation show: organisatie niet gevonden$
