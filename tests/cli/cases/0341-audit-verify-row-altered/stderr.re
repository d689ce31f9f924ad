de keten is gebroken: regel 4 is gewijzigd
