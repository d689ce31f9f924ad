Gebruik: jeugdroute signals
