^jeugdroute: user role: veld role: een medewerker van een gecertificeerde instelling werkt bij een gecertificeerde instelling, niet bij een huisartsenpraktijk
