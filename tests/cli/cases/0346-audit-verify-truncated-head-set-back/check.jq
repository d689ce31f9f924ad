.intact == false and .first_bad_entry == 6 and .entries_checked == 5 and .last_checkpoint_seq == 6
