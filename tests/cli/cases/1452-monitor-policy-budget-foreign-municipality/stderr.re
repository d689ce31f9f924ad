\$\.monitor\.budgets\.2025\.0153
geen gemeente van deze regio
