veld end: een ondertoezichtstelling duurt per uitspraak ten hoogste een jaar \(art\. 1:258 BW\)
