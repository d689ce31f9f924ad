history\[1\]\.start
