^jeugdroute: scenario: .*date
