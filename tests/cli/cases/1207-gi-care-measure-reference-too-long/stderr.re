care measure: veld reference: geef het kenmerk van de uitspraak, 1 tot 64 tekens
