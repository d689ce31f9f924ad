[.results[].family_name] == ["Öztürk"] and .results[0].birth_date == "2012-01-01" and .results[0].open_help_requests == []
