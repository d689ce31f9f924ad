intussen gewijzigd; lees opnieuw
