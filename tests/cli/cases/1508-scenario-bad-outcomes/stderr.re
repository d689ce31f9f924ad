^jeugdroute: scenario: --outcomes "misschien": verwacht ja of nee$
