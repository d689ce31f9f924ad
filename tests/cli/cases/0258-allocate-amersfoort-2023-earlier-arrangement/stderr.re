geweigerd: productgericht: geef productcode, omvang en frequentie
regime product
