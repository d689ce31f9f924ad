^jeugdroute: user: veld username: verwacht 3 tot 32 tekens: kleine letters, cijfers, punt, liggend streepje of koppelteken$
