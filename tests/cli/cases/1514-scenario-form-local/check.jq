.forms[5].contracting == {"base": "regional", "scenario": "local"} and .forms[4].contracting.base == .forms[4].contracting.scenario and (.contracting | has("local") and has("regional"))
