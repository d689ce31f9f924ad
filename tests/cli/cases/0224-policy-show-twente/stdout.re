Twente
Enschede
Hof van Twente
resultaatgericht
productgericht
Crisisopvang
