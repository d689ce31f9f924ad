veld authorisations: is (een )?tekst
