.kind == "voorlopige_ots" and .start == "2026-10-01" and .end == "2027-01-01" and .framework == "compulsory"
