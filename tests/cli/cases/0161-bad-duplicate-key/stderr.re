needs
dupli|dubbel
