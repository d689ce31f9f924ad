veld authorisations: een machtiging uithuisplaatsing hoort bij een ondertoezichtstelling
