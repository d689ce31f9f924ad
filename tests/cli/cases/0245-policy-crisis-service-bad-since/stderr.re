fout\.json: \$\.region\.crisis_service\.since: "2019-13-01" is geen bestaande datum
