amersfoort\.json
7 gemeenten
