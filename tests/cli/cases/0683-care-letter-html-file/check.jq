.sequence == 1 and .format == "html" and .file == "brief.html" and .kind == "allocation"
