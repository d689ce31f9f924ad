.region == "amersfoort"
and all(.tables[0].rows[:-1][]; .main_provider == "MetMaya" and .main_provider_budget > 0)
and (.tables[0].rows[] | select(.municipality == "0307") | .main_provider_budget) == 27900000
and (.tables[0].rows[] | select(.municipality == "0307") | .budget) == 46350000
