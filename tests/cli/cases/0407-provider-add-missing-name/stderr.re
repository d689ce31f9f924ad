provider add: geef --agb en --name
