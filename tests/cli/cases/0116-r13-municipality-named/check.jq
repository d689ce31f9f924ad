.municipality.code == "0164" and .municipality.name == "Hengelo" and .municipality.region == "Twente"
