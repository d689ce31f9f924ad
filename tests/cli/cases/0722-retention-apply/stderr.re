niet gevonden
