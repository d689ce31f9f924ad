^Scenario voor regio Twente$
^Verzoeken: 240 gelezen, 160 meegeteld, 0 afgewezen, 80 buiten de regio, 0 niet in het scenario$
^  jeugdhulp, verschil +[0-9]+ \(90%-band [0-9]+ tot [0-9]+\)$
^1 .*Praktische ondersteuning in de eigen leefomgeving$
^\* onderdrukt
