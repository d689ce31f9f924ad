veld from: een tabel per gemeente gaat over één maand, één kwartaal of één kalenderjaar
