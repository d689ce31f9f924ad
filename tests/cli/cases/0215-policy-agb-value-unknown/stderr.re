broken\.json: \$\.referrers\[1\]\.agb
sometimes
