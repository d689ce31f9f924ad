.provider_id == 1 and .year == 2026 and .ceiling == null and .claimed_cents == 0 and .level == "none" and .warning == null and .version == 0
