broken\.json: \$\.forms\[2\]\.setting
ambulance
