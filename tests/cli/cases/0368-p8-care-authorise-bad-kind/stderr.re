veld kind: kies uithuisplaatsing of gesloten
