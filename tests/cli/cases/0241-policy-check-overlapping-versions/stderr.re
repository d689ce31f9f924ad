nieuw\.json: \$\.valid_from: de perioden van twee versies van regio Amersfoort overlappen
geldig vanaf 2023-07-01
amersfoort-2023\.json \(geldig van 2019-01-01 tot en met 2023-12-31\)
