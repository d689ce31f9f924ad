.eligible == true and .age == 17
