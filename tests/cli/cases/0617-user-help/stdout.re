Gebruik: jeugdroute user add --username NAAM --role ROL
