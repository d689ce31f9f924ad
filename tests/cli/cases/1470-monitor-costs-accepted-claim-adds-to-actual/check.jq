# the region's actual costs are the accepted claim lines of the year: the demo's own claims and
# the one imported (setup compares before and after: it adds exactly 78 euro)
.tables[0].rows[-1].municipality == "regio" and .tables[0].rows[-1].actual > 78
and .tables[0].rows[-1].actual < .tables[0].rows[-1].expected
