^jeugdroute: household coordinator: huishouden of gebruiker niet gevonden$
