geweigerd: er is geen geldige verwijzing
