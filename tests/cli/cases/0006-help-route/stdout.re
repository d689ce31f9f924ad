^Gebruik: jeugdroute route
--batch
