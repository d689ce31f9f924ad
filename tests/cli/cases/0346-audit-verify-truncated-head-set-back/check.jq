.intact == false and .first_bad_entry == 5 and .entries_checked == 4 and .last_checkpoint_seq == 5
