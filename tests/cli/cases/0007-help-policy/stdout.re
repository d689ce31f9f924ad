^Gebruik: jeugdroute policy
