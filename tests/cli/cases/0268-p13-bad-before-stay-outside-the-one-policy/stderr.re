residence_before_stay
hoort niet bij regio Twente
