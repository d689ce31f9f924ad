1 regel\(s\) zonder plaats in de keten
