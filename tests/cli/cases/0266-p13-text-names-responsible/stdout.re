^Hengelo \(0164\), regio Twente
Verantwoordelijke gemeente: Gemeente Hengelo is verantwoordelijk
BRP in Enschede
