veld goals_reached: kies yes, partly of no
