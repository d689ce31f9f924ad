# principle 2 (issue 13): a ward has no parental home, so rule 10 does not apply; foster care comes right after the measure
forms[0:2] == [10, 6] and (option(6).why | test("gezin")) and whys_ok
