^jeugdroute: organisation: veld municipality: een lokaal team hoort bij een gemeente; geef --municipality$
