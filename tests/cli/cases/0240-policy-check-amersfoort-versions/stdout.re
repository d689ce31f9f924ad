amersfoort-2023\.json: in orde
geldig van 2019-01-01 tot en met 2023-12-31
amersfoort\.json: in orde
geldig vanaf 2024-01-01
crisisdienst: .*plaatshouder
