contract add: zorgaanbieder niet gevonden
