.state == "planned" and .version == 3 and .course.goals == 1 and .course.light_options_weighed == true
