eerder\.json: in orde
geldig van 2015-01-01 tot en met 2018-12-31
