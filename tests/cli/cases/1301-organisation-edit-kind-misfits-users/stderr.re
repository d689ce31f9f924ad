^jeugdroute: organisation: veld kind: er werken gebruikers met een rol die niet bij deze soort past; geef hun eerst een andere rol of organisatie$
