.total == 2 and .counts.withdrawn == 1 and .counts.closed == 0 and .counts.registered == 1
