veld date: geen beleid voor deze gemeente \(0307\) op 2018-06-01: het oudste beleid van regio Amersfoort geldt vanaf 2019-01-01
