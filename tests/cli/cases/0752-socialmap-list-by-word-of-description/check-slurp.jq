length == 1 and .[0].service == "Opvoedspreekuur" and .[0].phone == "053-9991234" and .[0].address == "Marktstraat 12, 7511 GD Enschede"
