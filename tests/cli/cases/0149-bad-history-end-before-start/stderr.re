history\[0\]\.end
