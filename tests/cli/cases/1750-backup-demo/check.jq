.out == "bk" and .database == "jeugdroute.db" and .bytes > 0 and .pages > 0
and .bytes % .pages == 0
and .key_files == ["jeugdroute.db.key", "jeugdroute.db.audit.key"]
and .checkpoint_file == "jeugdroute.db.checkpoints"
