broken\.json
JSON
