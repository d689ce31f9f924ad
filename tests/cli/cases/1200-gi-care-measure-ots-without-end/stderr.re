veld end: de kinderrechter spreekt een ondertoezichtstelling uit voor ten hoogste een jaar \(art\. 1:258 BW\): geef de einddatum
