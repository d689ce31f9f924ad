^jeugdroute: scenario: --resamples "0": verwacht een geheel getal van 1 tot en met 100000$
