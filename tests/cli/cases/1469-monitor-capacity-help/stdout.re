^Gebruik: jeugdroute figures capacity --region R
bezetting
