. == {"household_id": 1, "person_id": 1, "role": "child"}
