veld region: kies een regio
