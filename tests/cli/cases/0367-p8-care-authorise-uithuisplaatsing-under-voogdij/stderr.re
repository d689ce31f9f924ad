veld kind: een machtiging uithuisplaatsing hoort bij een ondertoezichtstelling
