\$\.monitor\.targets\[0\]\.indicator
"happiness"
