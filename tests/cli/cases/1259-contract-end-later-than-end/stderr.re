veld end: het contract eindigt al eerder
