length == 1 and .[0].organisation == "Jongerenwerk Één"
