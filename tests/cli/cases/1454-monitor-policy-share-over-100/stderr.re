\$\.monitor\.targets\[0\]\.baseline\.value
is 150
