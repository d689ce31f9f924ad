zorgaanbieder niet gevonden
