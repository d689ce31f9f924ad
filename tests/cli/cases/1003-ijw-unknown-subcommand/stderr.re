onbekende opdracht "frobnicate"; kies validate
