.measure_id == 1 and .previous_end == "2027-09-30" and .end == "2028-09-30" and .measure.end == "2028-09-30" and .measure.kind == "ots"
