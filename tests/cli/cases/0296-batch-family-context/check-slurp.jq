length == 3 and [.[0].options[0].help, .[0].options[1].help] == ["debt_help", "income_support"]
 and .[1].error.field == "family_context[0]"
 and .[2].options[0].help == "housing" and .[2].options[0].name == "Woonloket van de gemeente en de woningcorporatie"
