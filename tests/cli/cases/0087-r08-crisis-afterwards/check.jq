.options[0].form == 8 and (.options[0] | has_req("broad_analysis") | not)
