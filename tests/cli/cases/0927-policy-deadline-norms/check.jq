[.deadlines[] | [.kind, .due, .days_left, .state]] == [["not_started", "2026-12-08", 4, "warning"]]
and (.deadlines[0].text | test("7 dagen"))
