jeugdroute init
