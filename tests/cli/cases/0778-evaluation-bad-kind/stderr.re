veld kind
