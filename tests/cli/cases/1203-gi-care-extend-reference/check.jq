.reference == "JE RK 27-880" and .previous_end == "2027-09-30" and .end == "2028-09-30" and .measure.reference == "JE RK 26-1"
