provider add: er staat al een zorgaanbieder met deze AGB-code
