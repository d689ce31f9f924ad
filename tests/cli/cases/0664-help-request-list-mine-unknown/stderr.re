^jeugdroute: help-request list: veld mine: hugo.h is geen actieve consulent van het lokale team van gemeente 0153$
