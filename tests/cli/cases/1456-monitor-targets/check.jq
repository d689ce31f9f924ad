.monitor == "targets" and .region == "twente" and .year == 2026 and .suppressed_below == 5
and (.tables[0].rows | length) == 75
and all(.tables[0].rows[]; .state_label as $l | ["op koers", "niet op koers", "onbekend"] | index($l) != null)
and all(.tables[0].rows[]; (.value == null or .target_value == null) == (.state == "unknown"))
and all(.tables[0].rows[]; .numerator == null or ((.numerator < 1 or .numerator > 4) and ((.denominator - .numerator) < 1 or (.denominator - .numerator) > 4)))
and all(.tables[0].rows[] | select(.indicator == "secure_admissions"); .value == null or .value < 1 or .value > 4)
and ([.tables[0].rows[] | select(.municipality == "regio")] | length) == 5
and all(.tables[0].rows[] | select(.municipality == "regio" and .indicator == "at_home_share" and .value != null);
        ((.value - (100 * .numerator / .denominator)) | fabs) < 0.06)
and ([.tables[0].rows[] | select(.municipality == "regio" and .indicator == "secure_admissions")][0]
     | .baseline == 60 and ((.target_value - 51.4) | fabs) < 0.01)
and ([.tables[0].rows[] | select(.municipality == "regio" and .indicator == "at_home_share")][0]
     | ((.target_value - 88) | fabs) < 0.01)
