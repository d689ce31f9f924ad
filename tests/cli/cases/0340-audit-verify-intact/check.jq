.intact == true and .entries == 6
