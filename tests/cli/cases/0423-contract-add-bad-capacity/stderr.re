veld capacity: verwacht een geheel getal van 1 of meer
