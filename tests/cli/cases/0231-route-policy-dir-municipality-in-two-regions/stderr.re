0141|gemeente|municipal
