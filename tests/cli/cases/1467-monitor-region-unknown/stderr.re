veld region: onbekende regio "utrecht"
