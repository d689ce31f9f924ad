.id == 2 and .second_factor == false and .ended_sessions == 0
