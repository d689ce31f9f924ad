^jeugdroute: organisation: veld name: verwacht de naam: 1 tot 100 tekens, zonder stuurtekens$
