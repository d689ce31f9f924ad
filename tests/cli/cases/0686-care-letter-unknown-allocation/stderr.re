niet gevonden|geen beschikking
