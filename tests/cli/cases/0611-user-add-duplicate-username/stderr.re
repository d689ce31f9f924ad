^jeugdroute: user add: de gebruikersnaam is al in gebruik$
