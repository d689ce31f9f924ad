ten minste één veld
