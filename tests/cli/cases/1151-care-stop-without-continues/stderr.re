veld continues-without-help: verwacht ja of nee
