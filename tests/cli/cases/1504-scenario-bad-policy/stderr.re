^jeugdroute: scenario: --policy .*kapot.json: \$.thresholds.youth_care_min: 
