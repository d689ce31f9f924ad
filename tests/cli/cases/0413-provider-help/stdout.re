Gebruik: jeugdroute provider add --agb AGB --name NAAM
