geweigerd: eerst de brede verklarende analyse.*\[verloop
