.framework == "compulsory" and forms[0] == 10 and option(10).jz020 == "48"
 and (option(10).why | test("Voorlopige ondertoezichtstelling.*ten hoogste 3 maanden.*1:257 BW"))
 and all(yc[]; .allowed_referrers | index(["04"]) != null) and .referral_check.valid == true
 and ([.options[] | select(.kind == "coordination") | .why] | length == 1 and (.[0] | test("^Voorlopige ondertoezichtstelling: de gecertificeerde instelling")))
