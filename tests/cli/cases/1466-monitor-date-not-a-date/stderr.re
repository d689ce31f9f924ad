veld date: geen bestaande datum
