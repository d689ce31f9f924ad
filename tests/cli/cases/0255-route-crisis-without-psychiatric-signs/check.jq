.options[0].form == 8 and .options[0].crisis_service.name == "Coördinatiepunt Spoedhulp Jeugd Twente"
 and all(.options[]; has("urgent") | not) and whys_ok
