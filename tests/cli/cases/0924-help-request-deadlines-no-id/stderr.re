help-request deadlines: geef het nummer \(id\) van de hulpvraag
