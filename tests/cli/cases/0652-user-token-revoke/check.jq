.id == 1 and .user_id == 2 and .revoked == true
