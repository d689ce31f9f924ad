Gebruik: jeugdroute init
