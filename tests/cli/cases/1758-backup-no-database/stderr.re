^jeugdroute: backup: var/jeugdroute\.db: .*bestaat niet
