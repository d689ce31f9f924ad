.id == 1 and .care.running == false and .care.started_on == "2026-12-02" and .care.stopped_on == "2027-03-01"
