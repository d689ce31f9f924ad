flags
