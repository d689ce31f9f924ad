broken\.json: \$\.municipalities\[2\]\.regime
bulk
