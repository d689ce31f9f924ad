figures costs: veld year: verwacht een jaar
