Gebruik: jeugdroute care referral
