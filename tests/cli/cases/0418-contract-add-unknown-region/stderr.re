veld region: .*\(amersfoort, twente\)
