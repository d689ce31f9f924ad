veld to
