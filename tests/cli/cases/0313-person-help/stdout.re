Gebruik: jeugdroute person add
