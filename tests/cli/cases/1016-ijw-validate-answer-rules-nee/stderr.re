rules nee
