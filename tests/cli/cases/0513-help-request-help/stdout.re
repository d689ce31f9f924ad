Gebruik: jeugdroute help-request add
