ijw import: .*/weg\.xml: bestand bestaat niet
