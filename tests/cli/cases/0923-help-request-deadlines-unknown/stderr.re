help-request deadlines: hulpvraag niet gevonden
