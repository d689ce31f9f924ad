.form == 6
