^jeugdroute: help-request assign: veld user_id: gebruiker 99 niet gevonden$
