samen
