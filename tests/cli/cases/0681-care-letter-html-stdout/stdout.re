<title>Beschikking 1/1</title>
Gemeente Enschede
Specialistische en/of therapeutische ondersteuning
binnen zes weken
voorlopige voorziening
artikel 2\.3
</html>
