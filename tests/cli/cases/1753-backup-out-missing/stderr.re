^jeugdroute: backup: --out ontbreekt
