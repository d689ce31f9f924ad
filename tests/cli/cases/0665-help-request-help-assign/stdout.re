help-request assign ID --to GEBRUIKER
help-request list --municipality CODE
