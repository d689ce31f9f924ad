^jeugdroute: user token-add: de gebruiker is gedeactiveerd; activeer hem eerst$
