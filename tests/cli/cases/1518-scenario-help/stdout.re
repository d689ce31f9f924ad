^Gebruik: jeugdroute scenario --policy BESTAND
