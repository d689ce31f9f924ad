.person_id == 1 and .date == "2026-04-01" and .count == 4
and ([.involved[] | .via] == ["help_request", "referral", "allocation", "allocation"])
and .involved[0].name == "Lokaal team Enschede" and .involved[0].kind == "local_team"
and .involved[1].referrer_type == "02" and .involved[1].agb == "01012345" and .involved[1].organisation_id == null
and ([.involved[2:][] | .provider_id] | sort) == [1, 2]
