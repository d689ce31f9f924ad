.total == 1 and [.items[].help_request.id] == [2] and .counts.registered == 1
