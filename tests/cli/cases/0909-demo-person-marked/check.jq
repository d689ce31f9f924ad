.demo == true and (.bsn | test("^9999[0-9]{5}$"))
