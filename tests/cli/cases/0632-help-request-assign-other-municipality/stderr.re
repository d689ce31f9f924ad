^jeugdroute: help-request assign: veld user_id: hugo.h is geen actieve consulent van het lokale team van de gemeente van de hulpvraag \(0153\)$
