.total == 1 and [.items[].help_request.id] == [1] and .items[0].deadline.state_label == "verlopen" and .counts.registered == 1
