.id == 1 and .child_id == 1 and .municipality == "0141" and .state == "registered" and .state_label == "aangemeld" and .version == 1 and .raised_by == "school"
