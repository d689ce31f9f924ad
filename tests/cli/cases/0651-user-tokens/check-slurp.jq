[.[] | .name] == ["suite", "rapportage"] and ([.[] | has("token") or has("token_hash")] | any | not) and .[0].last_used_at == null
