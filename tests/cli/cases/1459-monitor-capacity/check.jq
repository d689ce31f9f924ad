.tables[0].name == "capacity" and (.tables[0].rows | length) > 0
and all(.tables[0].rows[]; .occupied == null or .occupied == 0 or .occupied > 4)
and all(.tables[0].rows[]; .places == null or .occupied == null or .free == .places - .occupied)
and ([.tables[0].rows[] | select(.occupied == null)] | length) != 1
