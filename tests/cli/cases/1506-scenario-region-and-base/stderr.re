^jeugdroute: scenario: geef --region ID of --base BESTAND
