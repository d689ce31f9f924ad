.period.from == "2025-11-24" and .period.to == "2026-11-23" and .suppressed_below == 5
and .rows[-1].name == "regio" and (.rows | length) >= 2 and (has("series") | not)
