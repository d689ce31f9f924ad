(option(10) | has_req("court_order")) and (option(10) | has_req("broad_analysis") | not)
