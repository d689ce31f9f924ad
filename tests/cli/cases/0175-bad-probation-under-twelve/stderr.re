court_measure.*vanaf 12 jaar
