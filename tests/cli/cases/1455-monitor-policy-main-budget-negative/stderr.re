\$\.monitor\.main_provider_budgets\[0\]\.amount_euro
hele euro
