.eligible == false and (.why | test("Wmo")) and (.options | length) == 0
