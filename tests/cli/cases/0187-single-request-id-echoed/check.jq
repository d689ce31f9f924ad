.id == "dossier-42"
