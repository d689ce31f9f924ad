<title>Beschikking 1/2</title>
Wijziging van de beschikking jeugdhulp
Reden van de wijziging
30 juni 2027
