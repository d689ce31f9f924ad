veld satisfaction: verwacht een geheel getal
