.valid == true
