^gemeentecode;gemeente;periode;indicator;waarde
^0307;Amersfoort;2025;help_requests;[0-9]*
^;regio;2026;help_requests;[0-9]*
