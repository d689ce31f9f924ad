# every indicator of the region means something in the demo: not 0 everywhere, not all hidden
[.series[].rows[-1]] as $r
| ($r | length) == 2
and ([$r[] | .settled_without_youth_care_share | select(. != null and . > 0)] | length) >= 2
and ([$r[] | .repeat_request_share | select(. != null and . > 0)] | length) >= 1
and ([$r[] | .goals_reached_share | select(. != null and . > 0)] | length) >= 1
and ([$r[] | .continued_without_help_share | select(. != null and . > 0)] | length) >= 1
and ([$r[] | .ended_according_to_plan_share | select(. != null and . > 0)] | length) >= 1
and ([$r[] | .drop_out_share | select(. != null and . > 0)] | length) >= 1
and ([$r[] | .satisfaction_mean | select(. != null and . >= 1 and . <= 10)] | length) >= 2
and ([$r[] | .wait_referral_to_allocation_days_median | select(. != null and . > 0)] | length) >= 2
and ([$r[] | .allocations_started | select(. != null and . >= 5)] | length) >= 2
