referrer\.agb
