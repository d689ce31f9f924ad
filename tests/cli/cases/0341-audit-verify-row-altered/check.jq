.intact == false and .first_bad_entry == 4 and .entries_checked == 3
