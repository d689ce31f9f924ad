broken\.json: \$\.other_domains\.wmo\.municipalities\.0307: is geen gemeente van deze regio
