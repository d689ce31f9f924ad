onbekende optie "--strict"
