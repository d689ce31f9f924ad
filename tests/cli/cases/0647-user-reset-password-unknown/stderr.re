^jeugdroute: user reset-password: deze gebruiker bestaat niet$
