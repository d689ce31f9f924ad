[.deadlines[] | [.kind, .due, .days_left, .unit, .state, .state_label]] == [
  ["decision", "2026-11-30", -4, "days", "overdue", "verlopen"],
  ["goal_review", "2026-12-10", 6, "days", "warning", "binnenkort"],
  ["turning_18", "2027-04-17", 134, "days", "ok", "op tijd"]]
and (.deadlines[0].text | test("30-11-2026") and test("Awb art. 4:13"))
and (.deadlines[0].source | test("Algemene termijnenwet"))
and .counts == {"overdue": 1, "warning": 1, "ok": 1} and .today == "2026-12-04"
