veld end_reason: kies een reden van beëindiging
