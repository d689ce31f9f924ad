veld held_on
