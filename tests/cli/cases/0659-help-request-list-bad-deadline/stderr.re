^jeugdroute: help-request list: veld deadline: kies overdue, soon of any$
