\$\.monitor\.targets\[4\]\.per_year\.2020
nulmeting \(2023\)
