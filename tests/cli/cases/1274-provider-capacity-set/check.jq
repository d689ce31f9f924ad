.form == 5 and .places == 12 and .occupied == 0 and .free == 12 and .percent == 0 and .full == false
