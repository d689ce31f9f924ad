. == {"id": 1, "municipality": "0153", "coordinator_user_id": 2, "version": 2}
