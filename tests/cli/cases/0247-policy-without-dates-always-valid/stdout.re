altijd\.json: in orde
altijd geldig; crisisdienst: Coördinatiepunt Spoedhulp Jeugd Twente \(24/7 sinds 2019-01-01\)
