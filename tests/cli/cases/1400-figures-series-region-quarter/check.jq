.region == "twente" and .from == "2026-01-01" and .to == "2026-12-31" and .grain == "kwartaal"
and .suppressed_below == 5
and ([.series[].period] == ["2026-K1", "2026-K2", "2026-K3", "2026-K4"])
and .series[-1].from == "2026-10-01" and .series[-1].to == "2026-12-31"
and ([.series[] | .rows | length] | unique) == [15]
and ([.series[].rows[-1] | .name == "regio" and .municipality == null] | all)
and ([.series[].rows[].municipality | select(. == "0307" or . == "0313")] | length) == 0
and ([.series[].rows[] | (.help_requests, .children_in_youth_care, .care_ended) | select(. != null and . > 0 and . < 5)] | length) == 0
