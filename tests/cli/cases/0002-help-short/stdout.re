^Gebruik: jeugdroute
