.total == 1 and [.items[].help_request.id] == [1] and .counts.registered == 2
