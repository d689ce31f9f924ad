referrer\.type
07
