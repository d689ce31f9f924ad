.covers == true and .provider_id == 1 and .form == 6 and .municipality.code == "0164" and .municipality.name == "Hengelo" and .region == "twente" and .date == "2030-06-01" and (.why | length > 0)
