^jeugdroute: user: veld role: verwacht consulent, verwijzer, gi, provider, contract_manager, policy of admin$
