contract niet gevonden
