^Gebruik: jeugdroute route
--batch
--policy-dir
--today
--text
