veld today
