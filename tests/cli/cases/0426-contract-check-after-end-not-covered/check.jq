.covers == false and .date == "2025-01-01"
