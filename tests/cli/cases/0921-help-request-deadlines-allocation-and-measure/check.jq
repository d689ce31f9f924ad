[.deadlines[] | [.kind, .due, .days_left, .state]] == [
  ["not_started", "2026-03-01", -278, "overdue"],
  ["ending", "2027-01-10", 37, "ok"],
  ["measure_ending", "2027-01-10", 37, "ok"]]
and (.deadlines[0].subject_id == 1) and (.deadlines[0].source | test("start_within_days"))
and (.deadlines[2].label | test("ondertoezichtstelling|OTS"; "i")) and (.deadlines[2].source | test("1:260"))
and ([.deadlines[] | select(.kind == "decision")] | length) == 0
