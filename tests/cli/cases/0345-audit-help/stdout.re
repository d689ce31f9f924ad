jeugdroute audit verify
