figures targets: veld region: ontbreekt
