^jeugdroute: user details: veld email: 
