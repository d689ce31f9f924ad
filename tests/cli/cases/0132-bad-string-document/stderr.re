JSON|object
