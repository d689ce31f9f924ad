history\[0\]\.outcome
