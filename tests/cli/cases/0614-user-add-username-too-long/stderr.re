^jeugdroute: user: veld username: verwacht 3 tot 32 tekens
