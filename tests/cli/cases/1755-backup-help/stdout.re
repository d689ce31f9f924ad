^Gebruik: jeugdroute backup --out MAP
pg_basebackup
^Afsluitcode:
