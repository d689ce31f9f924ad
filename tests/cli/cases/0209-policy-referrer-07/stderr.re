broken\.json: \$\.referrers\[0\]\.code
07
