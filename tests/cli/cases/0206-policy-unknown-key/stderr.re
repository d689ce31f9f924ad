broken\.json: \$\.colour
colour
