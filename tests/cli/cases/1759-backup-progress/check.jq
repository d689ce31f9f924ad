.pages > 2048 and .bytes > 10000000
