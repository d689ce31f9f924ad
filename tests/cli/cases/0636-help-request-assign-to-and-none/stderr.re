^jeugdroute: help-request assign: veld to: geef --to GEBRUIKER of --none ja, niet allebei$
