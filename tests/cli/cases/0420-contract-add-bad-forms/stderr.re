veld forms: verwacht vormen van 1 tot en met 10
