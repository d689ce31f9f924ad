groter|te groot|65536|bytes
