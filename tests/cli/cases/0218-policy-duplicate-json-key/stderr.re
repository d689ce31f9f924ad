broken\.json
dupli|dubbel
