.id == 1 and .measure_id == 1 and .kind == "uithuisplaatsing" and .label == "machtiging uithuisplaatsing" and .start == "2026-10-01" and .end == "2027-09-30"
