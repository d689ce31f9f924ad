.id == 2 and .full_name == "Anna Bakker" and .email == "anna.bakker@enschede.nl" and (has("ended_sessions") | not) and (has("password") | not)
