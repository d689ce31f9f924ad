.sequence == 1 and .format == "pdf" and .file == "brief.pdf" and (.sha256 | length) == 64
