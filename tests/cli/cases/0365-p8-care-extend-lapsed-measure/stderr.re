veld court_date: de maatregel was al afgelopen
