ijw import: .*/berichten: is een map, geen bestand
