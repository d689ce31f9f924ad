^jeugdroute: provider add: veld kvk: verwacht een KvK-nummer van 8 cijfers$
