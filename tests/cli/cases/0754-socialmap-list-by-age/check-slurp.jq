length == 1 and .[0].service == "Opvoedspreekuur"
