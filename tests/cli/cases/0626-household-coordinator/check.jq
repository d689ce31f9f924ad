. == {"id": 1, "municipality": {"code": "0153", "name": "Enschede"}, "coordinator_user_id": 2, "version": 2}
