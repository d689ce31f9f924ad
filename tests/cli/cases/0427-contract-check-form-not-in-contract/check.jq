.covers == false and .form == 8
