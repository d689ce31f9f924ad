.youths == 300 and .help_requests == .youths_with_request + .repeat_requests
and .settled_without_youth_care >= 1 and .allocations_refused == 0 and .moves_refused == 0
