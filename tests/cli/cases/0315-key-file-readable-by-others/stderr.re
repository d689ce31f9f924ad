chmod 600
