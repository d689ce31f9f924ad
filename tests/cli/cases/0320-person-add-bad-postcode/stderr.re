person: veld address.postcode: verwacht een postcode als 7511AB: vier cijfers en twee hoofdletters
