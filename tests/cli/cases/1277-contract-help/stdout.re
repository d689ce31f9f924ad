contract edit ID --version V
contract tariff ID
