.region == "twente" and .demo == true and .youths == 200 and .children == 200
and .persons == .children + .parents and .households > 50 and .households <= 200
and .parents >= .households and .parents <= 2 * .households
and .help_requests >= 8 and .help_requests <= 40
and .help_requests == .youths_with_request + .repeat_requests and .settled_without_youth_care >= 1
and .analyses >= 1 and .route_advice >= 1 and .referrals >= 1 and .allocations >= 1
and .deliveries <= .allocations and .deliveries_stopped <= .deliveries
and .claims >= 1 and .claim_lines >= .claims and .claimed_cents > 0
and .allocations_refused == 0 and .moves_refused == 0
and .providers == 30 and .contracts >= 30 and .organisations > 14 and .users == 15
and .social_map >= 14 and .stories.hopping >= 1 and .stories.multi_agency >= 1
and (.elapsed_seconds | type) == "number"
