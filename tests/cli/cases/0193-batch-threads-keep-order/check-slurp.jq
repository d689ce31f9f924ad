length == 12000
 and ([.[].id] == [range(0; 12000) | "r\(.)"])
 and ([.[] | select(has("error"))] | length) == 12
 and ([.[] | select(has("error")) | .id] == [range(0; 12) | "r\(. * 1000 + 999)"])
 and ([.[] | select(.eligible == true) | .options[0].why | test("regel")] | all)
 and ([.[] | select(.eligible == true)] | length) > 10000
