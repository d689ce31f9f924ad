^jeugdroute: backup: --out: missing/bk: de map erboven bestaat niet$
