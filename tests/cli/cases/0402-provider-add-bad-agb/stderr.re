^jeugdroute: provider add: veld agb: verwacht een AGB-code van 8 cijfers$
