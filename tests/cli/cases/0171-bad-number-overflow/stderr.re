JSON|needs
