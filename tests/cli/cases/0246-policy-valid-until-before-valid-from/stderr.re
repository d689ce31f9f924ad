fout\.json: \$\.valid_until: ligt vóór valid_from \(2019-01-01\)
