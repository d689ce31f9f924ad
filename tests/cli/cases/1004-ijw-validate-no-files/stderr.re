ijw validate: geef een of meer berichten
