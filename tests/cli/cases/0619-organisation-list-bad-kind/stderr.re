veld kind: verwacht local_team
