length == 3 and (map(.valid) == [true, false, true]) and
(.[1].problems[0] | .rule == "XSD" and .path == "/Bericht/Client/Bsn" and
  .message == "verplicht element Bsn ontbreekt (vóór Geboortedatum)")
