elders\.json: \$\.municipalities\[0\]\.code: gemeente 0307 hoort in dezelfde periode al bij regio Amersfoort
amersfoort\.json, geldig vanaf 2024-01-01
