volgt niet op de huidige
