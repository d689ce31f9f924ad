al afgesloten of ingetrokken
