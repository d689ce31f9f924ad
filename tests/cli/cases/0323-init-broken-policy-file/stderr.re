bad/x.json: \$: geen geldige JSON
