.eligible == false and (.why | test("Wmo")) and (.why | test("regel 11")) and (.options | length) == 0
