# the demo's accepted claims make actual costs in every municipality the table shows, in the
# same order as the expected ones and below them (the last month or two before the peildatum is
# not claimed yet, and care that stopped early is not claimed to the allocation's end)
([.tables[0].rows[] | select(.allocations != null and .allocations > 0)] | length) > 8
and all(.tables[0].rows[] | select(.allocations != null and .allocations > 0);
        .actual > 0 and .actual <= .expected * 1.05 and .actual >= .expected * 0.1)
and (.tables[0].rows[-1] | .municipality == "regio" and .actual >= .expected * 0.3
     and .actual < .expected)
and all(.tables[1].rows[] | select(.expected != null and .expected > 0);
        .actual <= .expected * 1.05)
