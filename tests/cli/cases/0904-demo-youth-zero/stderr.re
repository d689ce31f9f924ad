veld youth
