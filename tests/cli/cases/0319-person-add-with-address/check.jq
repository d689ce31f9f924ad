.sex == "2" and .address == {"street": "Hengelosestraat", "house_number": 12, "house_letter": "a", "house_addition": "", "postcode": "7514AE", "place": "Enschede"} and .version == 1
