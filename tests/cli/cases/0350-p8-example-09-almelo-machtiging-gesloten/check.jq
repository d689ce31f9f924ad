.age == 15 and .municipality.name == "Almelo" and .framework == "compulsory"
 and .options[0].form == 9 and .options[0].setting == "secure" and (.options[0].why | test("6.1.2 Jeugdwet"))
 and forms[1] == 10 and .referral_check.valid == true and .referral_check.form == 9
 and ([.options[] | select(.kind == "coordination") | .name] == ["Regie bij de gecertificeerde instelling (jeugdbeschermer), het lokale team ondersteunt"])
 and all(yc[] | select(.setting == "out-of-home"); has_req("court_order"))
 and (.warnings | any(test("machtiging uithuisplaatsing")))
 and home_first_but_secure and whys_ok
