hulpvraag niet gevonden
