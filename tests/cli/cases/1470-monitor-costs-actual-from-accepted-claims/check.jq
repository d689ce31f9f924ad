# the region's actual costs are the accepted claim lines of the year, and nothing else
.tables[0].rows[-1].municipality == "regio" and .tables[0].rows[-1].actual == 78
and ([.tables[2].rows[] | .actual | select(. != null and . != 0)] | all(. == 78))
and .tables[0].rows[-1].actual_percent_of_budget == 0
