veld date: geen beleid voor deze gemeente \(0153\) op 2018-12-31: het oudste beleid van regio Twente geldt vanaf 2019-01-01
