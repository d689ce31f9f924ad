diep|nest|depth
