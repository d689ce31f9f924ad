length == 5
 and ([.[0], .[2], .[4]] | all(has("options") and (has("error") | not)))
 and ([.[1], .[3]] | all(has("error") and (.error.field | type) == "string" and (.error.message | length) > 0 and (has("options") | not)))
 and .[1].error.field == "needs.parenting"
 and [.[0].id, .[1].id, .[2].id, .[4].id] == ["a", "b", "c", "e"]
 and .[2].municipality.name == "Almelo" and .[4].municipality.name == "Amersfoort"
