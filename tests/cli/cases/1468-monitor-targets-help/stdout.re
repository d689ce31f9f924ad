^Gebruik: jeugdroute figures targets --region R
op koers
