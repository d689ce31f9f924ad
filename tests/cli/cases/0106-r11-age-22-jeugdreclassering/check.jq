.eligible == true and .age == 22 and forms == [10]
