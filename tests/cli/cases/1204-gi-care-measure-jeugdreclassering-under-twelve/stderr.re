veld start: jeugdreclassering geldt voor jongeren van 12 jaar en ouder
