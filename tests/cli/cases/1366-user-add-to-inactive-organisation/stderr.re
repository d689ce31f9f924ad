^jeugdroute: user add: veld organisation: de organisatie Wijkteam Enschede Noord is gedeactiveerd; activeer haar eerst of kies een andere$
