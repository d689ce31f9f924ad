Gebruik: jeugdroute demo
--youth N
elfproef
