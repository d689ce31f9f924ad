20 jaar
