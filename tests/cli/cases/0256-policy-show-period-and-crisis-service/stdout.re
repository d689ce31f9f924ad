^Geldigheid: geldig van 2019-01-01 tot en met 2023-12-31$
^Crisisdienst: Crisisdienst jeugd regio Amersfoort \(plaatshouder
Productgericht|productgericht|product
