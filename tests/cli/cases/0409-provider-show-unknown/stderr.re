provider show: zorgaanbieder niet gevonden
