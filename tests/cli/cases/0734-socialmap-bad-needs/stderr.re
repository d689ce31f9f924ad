veld needs
