# without --grain: one table, here of a calendar year, of the region asked for only
.period.from == "2026-01-01" and .period.to == "2026-12-31" and .suppressed_below == 5
and .rows[-1].name == "regio" and (.rows | length) == 15 and (has("series") | not)
and ([.rows[].municipality | select(. == "0307" or . == "0313")] | length) == 0
