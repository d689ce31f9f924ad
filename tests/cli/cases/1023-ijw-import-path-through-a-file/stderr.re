ijw import: .*/een-bestand/jw305\.xml: een deel van het pad is geen map
