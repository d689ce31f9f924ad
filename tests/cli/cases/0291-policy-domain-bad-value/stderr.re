broken\.json: \$\.domains\.school: onbekende waarde "teacher"
