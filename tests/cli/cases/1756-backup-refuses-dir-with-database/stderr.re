^jeugdroute: backup: --out: var bevat al jeugdroute\.db
