verzoek
object
