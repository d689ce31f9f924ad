referrer\.type
99
