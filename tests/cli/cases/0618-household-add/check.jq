.id == 1 and .municipality.code == "0153" and .municipality.name == "Enschede" and .coordinator_user_id == null and .version == 1 and .members == []
