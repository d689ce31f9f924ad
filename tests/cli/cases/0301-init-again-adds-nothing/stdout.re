was al bij
0 nieuw
admin bestaat al
