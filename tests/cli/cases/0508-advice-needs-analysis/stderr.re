brede analyse
