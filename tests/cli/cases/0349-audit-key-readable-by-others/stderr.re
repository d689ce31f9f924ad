jeugdroute.db.audit.key: het auditsleutelbestand is leesbaar voor anderen; zet het op chmod 600
