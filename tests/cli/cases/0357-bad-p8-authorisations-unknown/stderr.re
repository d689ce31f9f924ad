veld authorisations: element 1
