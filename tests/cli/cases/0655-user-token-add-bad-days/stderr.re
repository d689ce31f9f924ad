^jeugdroute: user: veld days: verwacht een looptijd van 1 tot 3660 dagen$
