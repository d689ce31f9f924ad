^jeugdroute: scenario: --policy ontbreekt
