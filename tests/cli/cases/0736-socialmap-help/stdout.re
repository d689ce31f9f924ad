sociale kaart
