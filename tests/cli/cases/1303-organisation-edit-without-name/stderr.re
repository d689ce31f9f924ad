^jeugdroute: organisation edit: geef --kind en --name$
