^jeugdroute: 0 sessies en API-tokens beëindigd$
