^jeugdroute: user add: veld organisation: een beheerder hoort bij geen organisatie; laat de organisatie leeg$
