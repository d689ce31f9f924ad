broken\.json: \$\.domains: mist het domein "safety"
