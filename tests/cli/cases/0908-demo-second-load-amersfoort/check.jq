.region == "amersfoort" and .youths == 120 and .persons == .children + .parents
and .providers >= 5 and .providers < 30 and .users == 8 and .allocations_refused == 0
