missing\.json
