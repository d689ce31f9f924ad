.eligible == true and .age == 17 and (yc | length) > 0
