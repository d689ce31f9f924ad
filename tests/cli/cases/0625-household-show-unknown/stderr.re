^jeugdroute: household show: huishouden niet gevonden$
