veld status: verwacht active, suspended of under_investigation
