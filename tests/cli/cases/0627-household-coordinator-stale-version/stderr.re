^jeugdroute: household coordinator: het huishouden is intussen gewijzigd; lees opnieuw \(household show\) en geef de nieuwe --version$
