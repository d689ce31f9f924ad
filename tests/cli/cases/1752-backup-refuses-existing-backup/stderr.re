^jeugdroute: backup: --out: bk bevat al jeugdroute\.db; een back-up wordt nooit overschreven
