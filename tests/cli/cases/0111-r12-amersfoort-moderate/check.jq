.options[0].kind == "no_referral" and all(yc[]; .regime == "generic" and .contracting == "local")
 and ([.options | to_entries[] | select(.value.kind == "youth_care") | .key] | length) > 0
 and ([.options | to_entries[] | select(.value.kind == "youth_care") | .key] | min) > ([.options | to_entries[] | select(.value.kind == "no_referral") | .key] | max)
 and whys_ok and any(.options[]; .kind == "no_referral" and (.why | test("regel 12")))
