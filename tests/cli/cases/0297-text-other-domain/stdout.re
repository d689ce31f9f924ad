\[ander domein\] Schuldhulpverlening gemeente Enschede
voor ouder of gezin; geen jeugdhulp
principe 6
