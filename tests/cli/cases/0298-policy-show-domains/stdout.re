^Levensdomeinen
bestaanszekerheid +hulp uit een ander domein: inkomensondersteuning
school +sociale basis
schuldhulpverlening +Schuldhulpverlening gemeente Enschede
