^jeugdroute: user deactivate: dit is de laatste actieve beheerder
