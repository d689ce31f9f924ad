.intact == true and .entries == 5
