Gebruik: jeugdroute household add --municipality CODE
