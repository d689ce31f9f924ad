schema versie [0-9]+, nieuw
beleid: +3 bestand\(en\), 3 nieuw
beheerder: admin, wachtwoord [A-Za-z0-9]{20}
