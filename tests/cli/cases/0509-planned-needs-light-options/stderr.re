lichte optie
