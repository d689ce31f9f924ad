veld website
