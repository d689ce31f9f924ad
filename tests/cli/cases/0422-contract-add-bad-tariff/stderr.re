veld tariff: verwacht een bedrag in euro.s
