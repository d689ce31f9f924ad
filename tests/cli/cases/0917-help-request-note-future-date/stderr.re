veld date: de datum ligt in de toekomst
