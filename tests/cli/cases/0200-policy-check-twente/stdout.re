twente\.json
Twente
14 gemeenten
