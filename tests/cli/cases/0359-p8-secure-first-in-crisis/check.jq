.framework == "compulsory" and forms[0:2] == [9, 8] and (codes | index(["crisis_followup"])) != null and (forms | index([10])) == null and .warnings == []
