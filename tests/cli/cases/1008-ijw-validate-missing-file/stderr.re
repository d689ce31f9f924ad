ijw validate: .*missing\.xml: bestand bestaat niet
