Gebruik: jeugdroute ijw validate BESTAND
