^jeugdroute: user second-factor-reset: 
