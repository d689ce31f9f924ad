history\[0\]\.form
