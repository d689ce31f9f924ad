veld agb: verwacht een AGB-code
