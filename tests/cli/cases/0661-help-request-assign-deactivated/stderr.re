^jeugdroute: help-request assign: veld user_id: bart.c is geen actieve consulent
