^jeugdroute: scenario: --requests .*nergens.jsonl: kan niet gelezen worden
