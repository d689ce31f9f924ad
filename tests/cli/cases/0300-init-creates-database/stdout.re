schema versie [0-9]+, nieuw
beleid: +2 bestand\(en\), 2 nieuw
beheerder: admin, wachtwoord [A-Za-z0-9]{20}
