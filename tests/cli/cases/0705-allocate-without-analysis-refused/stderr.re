brede verklarende analyse
