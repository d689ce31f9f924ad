.evaluation.kind == "closing" and .evaluation.next_steps == "Mentor houdt vinger aan de pols." and .help_request.state == "evaluated"
