Almelo
productgericht
OZJT
