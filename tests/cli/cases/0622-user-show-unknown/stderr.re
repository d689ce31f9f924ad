user show: gebruiker niet gevonden
