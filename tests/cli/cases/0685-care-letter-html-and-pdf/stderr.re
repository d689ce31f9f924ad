kies --html of --pdf
