.state == "analysed" and .version == 2 and .course.broad_analysis == true
