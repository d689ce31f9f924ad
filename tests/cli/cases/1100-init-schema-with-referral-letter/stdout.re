schema versie (2[6-9]|[3-9][0-9]), nieuw
