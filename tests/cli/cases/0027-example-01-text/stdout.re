^Opties
Waarom: 
Enschede
sociale basis
