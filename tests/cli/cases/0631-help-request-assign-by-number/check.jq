.id == 2 and .assignee == {"id": 3, "username": "bart.c"} and .state == "registered"
