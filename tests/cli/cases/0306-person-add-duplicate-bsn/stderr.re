al een persoon met dit BSN
