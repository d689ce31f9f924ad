option(8).contracting == "regional" and option(10).contracting == "regional"
