veld version: .*intussen gewijzigd
