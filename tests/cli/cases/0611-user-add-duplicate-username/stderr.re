^jeugdroute: user add: veld username: de gebruikersnaam is al in gebruik
