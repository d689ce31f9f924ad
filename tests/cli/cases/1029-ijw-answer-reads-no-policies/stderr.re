ijw answer: veld provider: geen zorgaanbieder met AGB-code 12345678 in de dossiers
