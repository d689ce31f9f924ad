([.forms[].providers[].id] | index(2)) == null and (.forms[] | select(.number == 10) | .providers) == [] and [.forms[] | select(.number == 2) | .providers[].id] == [1] and (.forms | length) == 10
