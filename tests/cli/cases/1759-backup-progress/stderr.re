^jeugdroute: backup: [1-9][0-9]% gekopieerd$
^jeugdroute: backup: 100% gekopieerd$
