.child_id == 1
