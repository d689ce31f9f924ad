veld end: een kinderbeschermingsmaatregel eindigt uiterlijk op de 18e verjaardag van het kind \(art\. 1:233 BW\)
