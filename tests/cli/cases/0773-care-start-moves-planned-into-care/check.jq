.state == "in_care" and .version == 4 and .course.care_running == 1
