needs
