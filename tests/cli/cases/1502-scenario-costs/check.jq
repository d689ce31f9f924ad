.forms[1].tariff == 3500 and .forms[9].tariff == 145000 and .forms[0].tariff == null
and (.total.costs | has("base") and has("scenario") and has("difference"))
and (.total.costs.difference == null or .total.costs.difference.value > 0)
