broken\.json: \$\.monitor\.targets\[1\]:
noemt beide
