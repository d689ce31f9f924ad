.intact == true and .entries > 1000 and .checkpoints >= 1 and .last_checkpoint_seq > 0
