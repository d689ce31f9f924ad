.bericht == "JW305" and .valid == false and (.problems | length) == 1 and
(.problems[0] | .rule == "XSD" and .path == "/Bericht/Client/StartProducten/StartProduct[1]/Begindatum"
  and .line == 32 and .message == "waarde '2027-06-31' is geen geldige datum (JJJJ-MM-DD)")
