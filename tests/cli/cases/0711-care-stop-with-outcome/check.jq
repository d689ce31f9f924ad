.allocation_id == 1 and .goals_reached == "yes" and .continues_without_help == true and .satisfaction == 9 and .reason == "31"
