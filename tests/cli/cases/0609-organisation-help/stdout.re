Gebruik: jeugdroute organisation add --kind SOORT --name NAAM
