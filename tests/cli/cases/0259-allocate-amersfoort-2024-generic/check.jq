.regime == "generic" and .form == 3 and .start == "2024-01-01" and .end == null
