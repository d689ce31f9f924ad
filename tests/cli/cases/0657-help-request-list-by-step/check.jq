.total == 0 and .items == [] and .counts.registered == 2 and (.counts | has("closed") | not)
