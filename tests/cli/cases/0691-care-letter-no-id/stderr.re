geef het nummer
