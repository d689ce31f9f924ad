ten minste één zoekgegeven
