[.deadlines[] | [.kind, .due, .state]] == [["ending", "2027-01-10", "ok"]]
