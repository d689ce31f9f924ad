^Gebruik: jeugdroute policy check
policy show
--municipality
