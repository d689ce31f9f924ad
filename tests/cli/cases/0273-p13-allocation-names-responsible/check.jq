.form == 3 and .responsible_municipality == "0164"
