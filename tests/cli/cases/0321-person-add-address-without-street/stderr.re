person: veld address.street: een adres heeft een straat; geef --street
