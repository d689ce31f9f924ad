^jeugdroute: user deactivate: --role hoort niet bij deze opdracht
