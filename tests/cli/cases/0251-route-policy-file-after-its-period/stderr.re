veld date: geen beleid voor deze gemeente \(0308\) op 2024-02-01: het laatste beleid van regio Amersfoort geldt tot en met 2023-12-31
