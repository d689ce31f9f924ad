veld unit: .*iJw
