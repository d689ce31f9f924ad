^Gebruik: jeugdroute
^  route 
^  policy 
--version
