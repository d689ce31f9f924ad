veld municipality: gemeente 0307 hoort niet bij regio twente
