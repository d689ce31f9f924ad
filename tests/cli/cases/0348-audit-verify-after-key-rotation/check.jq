.intact == true and .entries == 7 and .last_checkpoint_seq == 7 and .checkpoints == 5
