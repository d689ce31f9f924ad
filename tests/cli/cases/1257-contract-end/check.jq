.end == "2025-06-30" and .version == 2
