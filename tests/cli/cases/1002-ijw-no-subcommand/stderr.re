Gebruik: jeugdroute ijw validate
