.date == "2026-06-30" and (.tables | map(.name)) == ["waiting", "waits_per_month"]
and (.tables[1].rows | map(.month)) == ["2025-07","2025-08","2025-09","2025-10","2025-11","2025-12","2026-01","2026-02","2026-03","2026-04","2026-05","2026-06"]
and all(.tables[1].rows[]; (.allocations == null) == (.median_days == null) or .allocations == 0)
and all(.tables[1].rows[]; .median_days == null or .median_days <= .p90_days)
and all(.tables[0].rows[]; .waiting == null or .waiting > 4)
and ([.tables[0].rows[] | select(.provider == "verwezen, nog niet toegewezen")] | length) > 0
