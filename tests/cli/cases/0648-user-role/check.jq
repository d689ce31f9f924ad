.id == 2 and .role == "verwijzer" and .organisation_id == 2 and .organisation_kind == "gp_practice" and .role_fits
