veld end: een voorlopige ondertoezichtstelling duurt ten hoogste drie maanden \(art\. 1:257 BW\)
