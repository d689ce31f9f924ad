.version == 2 and .sex == "1" and .address.street == "Oldenzaalsestraat" and .address.house_addition == "bis" and .family_name == "de Vries" and .municipality == "0153"
