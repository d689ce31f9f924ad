veld end: .*ten hoogste een jaar \(art\. 1:260 BW\)
