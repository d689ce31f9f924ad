threads
