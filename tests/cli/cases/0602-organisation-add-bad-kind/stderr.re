^jeugdroute: organisation: veld kind: verwacht local_team, gp_practice, youth_health, hospital, gi, provider, regional_office of expert_team$
