controlepunt ongeldig: var/jeugdroute.db.checkpoints, regel 3: de handtekening klopt niet
