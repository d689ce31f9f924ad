.intact == true and .entries == 8 and .last_checkpoint_seq == 8 and .checkpoints == 5
