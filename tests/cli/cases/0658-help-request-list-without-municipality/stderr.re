^jeugdroute: help-request list: veld municipality: geef de gemeente \(CBS-code, bijv\. 0153\)$
