^jeugdroute: user add: veld role: een consulent werkt bij een lokaal team, niet bij een huisartsenpraktijk; kies een andere rol of een andere organisatie$
