.covers == false and .form == 3 and .municipality.code == "0164"
