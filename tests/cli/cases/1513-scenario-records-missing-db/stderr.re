^jeugdroute: scenario: .*geen.db bestaat niet
