zonder\.json: \$\.region\.crisis_service: ontbreekt; verwacht de crisisdienst die dag en nacht bereikbaar is
art\. 2\.6 lid 1 sub b Jeugdwet
