twente\.json
amersfoort\.json
