^jeugdroute: user token-revoke: gebruiker 2 heeft geen API-token 7
