.state == "planned" and .advice.region == "twente" and (.advice.answer.options | length) > 0 and ([.advice.answer.options[].why] | all(test("\\[regel")))
