JSON|leeg|empty
