.id == "hulpvraag-1" and .municipality.name == "Almelo" and ([.options[] | select(.kind == "youth_care") | .form] == [2, 3]) and (.options[0].regime == "product")
