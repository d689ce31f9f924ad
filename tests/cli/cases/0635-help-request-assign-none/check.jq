.assignee == null and .version == 3
