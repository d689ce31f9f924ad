^jeugdroute: user details: geef --full-name en/of --email$
