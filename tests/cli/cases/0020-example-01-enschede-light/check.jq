.id == "voorbeeld-01" and .municipality.code == "0153" and .municipality.name == "Enschede"
 and .eligible == true and .framework == "voluntary" and (.options | length) > 0
 and all(.options[]; .kind == "social_base") and codes == [] and (has("referral_check") | not) and whys_ok
