^jeugdroute: scenario: --costs .*kosten.json: tariffs.3: verwacht een bedrag in euro
