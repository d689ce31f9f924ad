^jeugdroute: backup: --db: gebruik pg_basebackup voor PostgreSQL; zie docs/deploy\.md$
