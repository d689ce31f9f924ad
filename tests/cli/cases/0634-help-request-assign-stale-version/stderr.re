^jeugdroute: help-request assign: veld version: de hulpvraag is intussen gewijzigd; lees opnieuw en geef de nieuwe versie$
