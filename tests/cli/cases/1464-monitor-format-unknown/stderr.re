veld format: kies json, csv of text
