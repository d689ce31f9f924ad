veld end: een kinderbeschermingsmaatregel eindigt uiterlijk op de 18e verjaardag
