veld region
