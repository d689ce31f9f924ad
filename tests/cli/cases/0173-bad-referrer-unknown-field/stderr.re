referrer\.name
