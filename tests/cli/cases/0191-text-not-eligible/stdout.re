Wmo
