# a series is of whole periods: --from back to the first of its month, --to on to its last day
.from == "2026-02-01" and .to == "2026-05-31" and .grain == "maand"
and ([.series[].period] == ["2026-02", "2026-03", "2026-04", "2026-05"])
and .series[0].from == "2026-02-01" and .series[-1].to == "2026-05-31"
