.id == 1 and .version == 2 and .assignee == {"id": 2, "username": "anna.b"}
