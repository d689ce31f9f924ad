^jeugdroute: household member: huishouden of persoon niet gevonden$
