.id == 1 and .municipality == "0153" and .coordinator_user_id == null and .version == 1 and .members == []
