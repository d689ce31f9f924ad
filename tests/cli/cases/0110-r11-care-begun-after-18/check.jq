.eligible == false and (.options | length) == 0
