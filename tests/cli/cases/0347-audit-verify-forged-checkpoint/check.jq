.intact == false and .entries == 5 and .bad_checkpoint_line == 3 and .last_checkpoint_seq == 4 and (has("first_bad_entry") | not)
