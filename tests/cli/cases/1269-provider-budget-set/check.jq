.ceiling == "250000.00" and .ceiling_cents == 25000000 and .claimed == "0.00" and .percent == 0 and .level == "under" and .warning == null and .version == 1 and .left == "250000.00"
