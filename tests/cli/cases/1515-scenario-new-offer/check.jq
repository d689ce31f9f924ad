(.offers[] | select(.id == "opvoedpoli") | .base == null and .scenario >= 5 and .difference == null) and .total.youth_care.difference.value == 0
