.intact == false and .entries == 6 and .bad_checkpoint_line == 3 and .last_checkpoint_seq == 5 and (has("first_bad_entry") | not)
