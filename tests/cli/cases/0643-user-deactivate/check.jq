.id == 2 and .active == false and .ended_sessions == 0 and .role_fits and (has("password") | not)
