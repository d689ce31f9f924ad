^jeugdroute: organisation: veld municipality: gemeente 9999 staat in geen beleidsbestand$
