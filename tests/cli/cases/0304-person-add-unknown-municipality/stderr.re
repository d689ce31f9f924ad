veld municipality: gemeente 9999
