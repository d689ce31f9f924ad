^jeugdroute: user add: veld organisation: deze organisatie bestaat niet$
