[.items[] | [.help_request.id, (.help_request.assignee.username // null), .deadline.kind, .deadline.due, .deadline.state]]
  == [[1, null, "decision", "2026-11-30", "overdue"], [2, "anna.b", "decision", "2027-01-15", "ok"]]
and .counts == {"registered": 2, "analysed": 0, "planned": 0, "in_care": 0, "evaluated": 0}
and .total == 2 and .municipality == "0153" and .items[0].child.given_names == "Mila"
