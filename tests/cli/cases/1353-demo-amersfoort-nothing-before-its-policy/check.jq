.region == "amersfoort" and .youths == 2000 and .help_requests > 0
