geweigerd.*er loopt nog zorg
