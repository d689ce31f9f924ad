^jeugdroute: user add: veld organisation: een consulent werkt bij een lokaal team; kies de organisatie$
