.valid == false and (.problems[0] | .rule == "XML" and .message == "het bestand is groter dan 16 MiB")
