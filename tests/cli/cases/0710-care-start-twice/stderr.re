loopt al
