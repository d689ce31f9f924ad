^jeugdroute: help-request list: veld state: kies open, all, review_due of een stap
