^Opties
Waarom
Signalen
hopping
Twenterand
regel 9
AGB
