broken\.json: \$\.forms\[4\]\.contracting
national
