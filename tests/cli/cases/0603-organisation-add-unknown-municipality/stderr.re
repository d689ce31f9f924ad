^jeugdroute: organisation: veld municipality: gemeente 0999 staat in geen beleidsbestand$
